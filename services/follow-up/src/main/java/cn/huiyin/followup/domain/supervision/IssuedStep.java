package cn.huiyin.followup.domain.supervision;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import cn.huiyin.followup.domain.OrganisationRef;

/**
 * A step of the ladder that was taken for one time limit: its unique key ({@code stepId} = subject / limit / step),
 * when it fell due, when it was issued and to whom. A reminder overtaken by a later one that fell due in the same scan
 * is kept as {@code superseded}: decided, never sent, never due again.
 */
public record IssuedStep(String stepId, String limitId, LadderStep step, Instant dueAt, Instant issuedAt,
                         boolean superseded, List<Recipient> recipients, OrganisationRef escalatedTo) {

    public IssuedStep {
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(limitId, "limitId");
        Objects.requireNonNull(step, "step");
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }
}
