package cn.huiyin.jointmeeting.domain.events;

import java.time.Instant;
import java.util.List;

import cn.huiyin.jointmeeting.domain.organisation.OrganisationRef;
import cn.huiyin.jointmeeting.domain.review.Reason;
import cn.huiyin.jointmeeting.domain.review.ReviewSource;

/**
 * A review request waits in its convener's queue, as it stands now: raised when it is queued and again (with the
 * next revision) whenever later grievances or escalations are merged into it. Key: the review request id.
 */
public record ReviewRequestQueued(String reviewRequestId, int revision, ReviewSource source, String clusterId,
                                  String clusterKind, String label, String category, String categoryName,
                                  String divisionCode, OrganisationRef convener, List<String> grievanceIds,
                                  List<Reason> reasons, List<Escalated> escalations, Instant queuedAt,
                                  Instant updatedAt) {

    /** A handling organisation asked for the review; its explanation is about the matter, never about the worker. */
    public record Escalated(String grievanceId, OrganisationRef organisation, String explanation, Instant at) {
    }
}
