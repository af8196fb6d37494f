package cn.huiyin.followup.domain.casefile;

import java.time.Instant;
import java.util.List;

import cn.huiyin.followup.domain.OrganisationRef;

/**
 * A progress entry (办理进展) with the evidence it refers to.
 *
 * @param role {@code LEAD}, {@code CO_HANDLER} or {@code WORKER}
 */
public record ProgressNote(Instant at, String by, OrganisationRef organisation, String role, NoteKind kind, String note,
                           List<EvidenceRef> evidence) {

    public ProgressNote {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
