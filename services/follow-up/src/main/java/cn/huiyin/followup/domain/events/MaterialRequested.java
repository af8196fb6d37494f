package cn.huiyin.followup.domain.events;

import java.time.Instant;

import cn.huiyin.followup.domain.OrganisationRef;

/**
 * 补充材料: the handling organisation asked the worker for more material; the resolution clock stands still until
 * the worker answers (intake's {@code GrievanceSupplemented}). Published as
 * {@code cn.huiyin.followup.MaterialRequested.v1}.
 *
 * @param resolutionDueAt the deadline as it stood when the clock stopped; it moves when the clock resumes
 */
public record MaterialRequested(String grievanceId, String requestId, OrganisationRef organisation, String materials,
                                Instant requestedAt, Instant resolutionDueAt, long workingMinutesLeft, String stage) {
}
