package cn.huiyin.followup.domain.events;

import java.time.Instant;
import java.util.List;

import cn.huiyin.followup.domain.OrganisationRef;
import cn.huiyin.followup.domain.casefile.ClosureOutcome;
import cn.huiyin.followup.domain.casefile.ResolutionKind;
import cn.huiyin.followup.domain.casefile.Satisfaction;
import cn.huiyin.followup.domain.casefile.Solved;
import cn.huiyin.followup.domain.clock.StageSpan;

/**
 * 结案: the case closed, its outcome kept apart from every other (never one "done"). Published as
 * {@code cn.huiyin.followup.GrievanceClosed.v1}.
 *
 * @param retaliationCheckDueAt when the callback centre asks about retaliation (30 days on); null for merged cases
 * @param stages                every stage of the case with its duration
 */
public record GrievanceClosed(String grievanceId, ClosureOutcome outcome, Instant closedAt, OrganisationRef organisation,
                              ResolutionKind resolutionKind, Solved solved, Satisfaction satisfaction, int reopenCount,
                              GrievanceResolved.RemedyData remedy, String mergedInto, Instant retaliationCheckDueAt,
                              List<StageSpan> stages, long totalWorkingMinutes, long totalClockMinutes, String stage) {
}
