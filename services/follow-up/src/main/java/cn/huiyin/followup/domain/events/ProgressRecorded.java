package cn.huiyin.followup.domain.events;

import java.time.Instant;
import java.util.List;

import cn.huiyin.followup.domain.OrganisationRef;
import cn.huiyin.followup.domain.casefile.EvidenceRef;
import cn.huiyin.followup.domain.casefile.NoteKind;

/**
 * Progress on a case (办理进展): a note by the lead organisation, a co-handler's part (协办), the worker's material
 * arriving (the clock resumes), or a reply to a supervisor's 督办. Published as
 * {@code cn.huiyin.followup.ProgressRecorded.v1}.
 *
 * @param role            {@code LEAD} or {@code CO_HANDLER}; {@code WORKER} for material the worker sent
 * @param resolutionDueAt the resolution deadline after this progress (it moves when the clock resumes)
 */
public record ProgressRecorded(String grievanceId, OrganisationRef organisation, String role, NoteKind kind,
                               String note, List<EvidenceRef> evidence, Instant recordedAt, Instant resolutionDueAt,
                               String stage) {
}
