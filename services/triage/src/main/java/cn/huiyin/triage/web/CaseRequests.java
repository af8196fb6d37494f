package cn.huiyin.triage.web;

import cn.huiyin.triage.domain.ReturnReason;
import cn.huiyin.triage.domain.Urgency;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies of the case commands. Every manual step carries a reason, which goes into the case history. */
final class CaseRequests {

    private CaseRequests() {
    }

    /**
     * 退单.
     *
     * @param suggestedOrganisationId optional: where the returning organisation thinks the case belongs
     */
    record ReturnRequest(@NotNull ReturnReason reason, @NotBlank @Size(max = 500) String explanation,
                         @Size(max = 80) String suggestedOrganisationId) {
    }

    /** 终审: who handles the case; the assignment binds. */
    record RulingRequest(@NotBlank @Size(max = 80) String organisationId, @NotBlank @Size(max = 500) String reason) {
    }

    /**
     * 重新分类.
     *
     * @param urgency          optional: left out, the urgency rules decide for the new category
     * @param needsJointReview optional: left out, the joint-review rules decide
     */
    record ReclassifyRequest(@NotBlank @Size(max = 40) String category, Urgency urgency, Boolean needsJointReview,
                             @NotBlank @Size(max = 500) String reason) {
    }

    /** 改派. @param organisationId optional: left out, the routing rules are applied again */
    record RerouteRequest(@Size(max = 80) String organisationId, @NotBlank @Size(max = 500) String reason) {
    }

    /** 合并: this grievance goes into {@code into}, the worker's other grievance. */
    record MergeRequest(@NotBlank @Size(max = 40) String into, @NotBlank @Size(max = 500) String reason) {
    }

    /** A decision with its reason. */
    record ReasonRequest(@NotBlank @Size(max = 500) String reason) {
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
