package cn.huiyin.followup.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import cn.huiyin.followup.domain.actionitem.ActionItemOutcome;
import cn.huiyin.followup.domain.casefile.CallbackAttempt;
import cn.huiyin.followup.domain.casefile.CallbackOutcome;
import cn.huiyin.followup.domain.casefile.ContactChannel;
import cn.huiyin.followup.domain.casefile.EvidenceRef;
import cn.huiyin.followup.domain.casefile.Remedy;
import cn.huiyin.followup.domain.casefile.ResolutionKind;
import cn.huiyin.followup.domain.casefile.RetaliationKind;
import cn.huiyin.followup.domain.casefile.Satisfaction;
import cn.huiyin.followup.domain.casefile.Solved;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The bodies of follow-up's commands, each field checked before a use case sees it. */
final class Requests {

    private Requests() {
    }

    /** 先行联系. @param contactedAt when the worker was reached; left out, now */
    record FirstContact(@NotNull ContactChannel channel, Instant contactedAt, @Size(max = 1000) String note) {
    }

    record Evidence(@NotBlank @Size(max = 200) String reference, @Size(max = 200) String description) {
        EvidenceRef toDomain() {
            return new EvidenceRef(reference.strip(), blankToNull(description));
        }
    }

    /** 办理进展, or a co-handler's part, with references to evidence. */
    record Progress(@NotBlank @Size(max = 2000) String note, @Size(max = 20) List<@NotNull @Valid Evidence> evidence) {
        List<EvidenceRef> evidenceRefs() {
            return evidence == null ? List.of() : evidence.stream().map(Evidence::toDomain).toList();
        }
    }

    /** 补充材料: what the worker is asked for. */
    record MaterialRequest(@NotBlank @Size(max = 1000) String materials) {
    }

    /** 延期申请: the deadline asked for, or how many working days to add; and why. */
    record Extension(@NotBlank @Size(max = 1000) String reason, Instant requestedDueAt,
                     @Min(1) @Max(60) Integer workingDays) {
    }

    /** 延期审批. */
    record ExtensionDecision(@NotNull Boolean approved, @Size(max = 1000) String note) {
    }

    /** What the worker got; money in yuan as an exact decimal with at most two places (分). */
    record RemedyRequest(@DecimalMin("0") @Digits(integer = 9, fraction = 2) BigDecimal moneyRecoveredYuan,
                         Boolean claimPaid, Boolean accountReinstated, Boolean penaltyWithdrawn,
                         @PositiveOrZero @Max(100_000) Integer parkingSpacesAdded,
                         @PositiveOrZero @Max(10_000_000) Integer workersCovered) {
        Remedy toDomain() {
            return new Remedy(moneyRecoveredYuan == null ? null : moneyRecoveredYuan.movePointRight(2).longValueExact(),
                claimPaid, accountReinstated, penaltyWithdrawn, parkingSpacesAdded, workersCovered);
        }
    }

    /** 办结. */
    record Resolution(@NotNull ResolutionKind kind, @Size(max = 2000) String explanation,
                      @Valid RemedyRequest remedy) {
    }

    /** A supervisor's own 督办. */
    record Supervision(@NotBlank @Size(max = 2000) String instructions, @NotNull Instant replyDueAt) {
    }

    record SupervisionReply(@NotBlank @Size(max = 2000) String reply) {
    }

    /** 回访: one attempt; the answers when the worker was reached. */
    record Callback(@NotNull CallbackOutcome outcome, Solved solved, Satisfaction satisfaction, Boolean unitResponsible,
                    @Size(max = 1000) String comment) {
        CallbackAttempt.Answers answers() {
            return new CallbackAttempt.Answers(solved, satisfaction, unitResponsible, blankToNull(comment));
        }
    }

    /** 打击报复回访. */
    record RetaliationCheck(@NotNull CallbackOutcome outcome, Boolean retaliation,
                            @Size(max = 4) List<@NotNull RetaliationKind> kinds, @Size(max = 2000) String account) {
    }

    /**
     * The worker's own rating, with the tracking number and the query code from the receipt (intake checks it; for a
     * grievance filed before query codes, the whole mobile number).
     */
    record WorkerRating(@NotBlank @Size(max = 20) String trackingNumber,
                        @NotBlank @Pattern(regexp = "[0-9][0-9 -]{8,14}[0-9]", message = "{huiyin.followup.QueryCode.message}")
                        String queryCode,
                        @NotNull Solved solved, @NotNull Satisfaction satisfaction, @Size(max = 1000) String comment) {
    }

    record ActionItemProgress(@NotBlank @Size(max = 2000) String note, @Min(0) @Max(20) int evidenceCount) {
    }

    record ActionItemCompletion(@NotNull ActionItemOutcome outcome, @NotBlank @Size(max = 2000) String result,
                                @Min(0) @Max(20) int evidenceCount) {
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
