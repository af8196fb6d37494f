package cn.huiyin.dashboard.application.query;

import java.time.Instant;

import cn.huiyin.dashboard.domain.fact.CaseFact;

/**
 * A case behind a figure, as the dashboard knows it: its id (the tracking number staff look up in intake, triage and
 * follow-up), dimensions and outcome — no personal data.
 */
public record CaseRow(String grievanceId, Instant submittedAt, String channel, String workerGroup, String category,
                      String division, String enterprise, String leadId, String leadName, Instant firstResponseAt,
                      Instant resolvedAt, String resolutionKind, String solved, String satisfaction, Instant closedAt,
                      String outcome, boolean overdue) {

    public static CaseRow of(CaseFact fact) {
        return new CaseRow(fact.grievanceId(), fact.submittedAt(), fact.channel(), fact.workerGroup(), fact.category(),
            fact.division(), fact.enterprise(), fact.lead() == null ? null : fact.lead().id(),
            fact.lead() == null ? null : fact.lead().name(), fact.firstResponseAt(), fact.resolvedAt(),
            fact.resolutionKind(), fact.solved(), fact.satisfaction(), fact.closedAt(), fact.outcome(),
            fact.isOverdue());
    }
}
