package cn.huiyin.followup.domain.supervision;

import java.time.Instant;
import java.util.Objects;

import cn.huiyin.followup.domain.OrganisationRef;

/**
 * A supervisor's own 督办: instructions to the handling organisation and the date its reply is due. The reply deadline
 * is a time limit of its own ({@code limitId}), watched by the ladder.
 */
public record ManualSupervision(String supervisionId, String limitId, Instant issuedAt, String by,
                                OrganisationRef byOrganisation, String instructions, Instant replyDueAt, String reply,
                                Instant repliedAt, String repliedBy) {

    public ManualSupervision {
        Objects.requireNonNull(supervisionId, "supervisionId");
        Objects.requireNonNull(instructions, "instructions");
        Objects.requireNonNull(replyDueAt, "replyDueAt");
    }

    public boolean isAnswered() {
        return repliedAt != null;
    }

    public ManualSupervision answered(String text, Instant at, String username) {
        return new ManualSupervision(supervisionId, limitId, issuedAt, by, byOrganisation, instructions, replyDueAt, text,
            at, username);
    }
}
