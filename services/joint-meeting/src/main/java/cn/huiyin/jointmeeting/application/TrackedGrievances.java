package cn.huiyin.jointmeeting.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import cn.huiyin.jointmeeting.domain.grievance.TrackedGrievance;

/** Joint-meeting's own records of triage's cases, each written whole (an upsert keyed by the grievance id). */
public interface TrackedGrievances {

    Optional<TrackedGrievance> find(String grievanceId);

    List<TrackedGrievance> findAll(Collection<String> grievanceIds);

    void save(TrackedGrievance grievance);

    /** Complaints of one category in a place (a division-code prefix) first triaged in [from, to). */
    long countTriaged(String category, String divisionPrefix, Instant from, Instant to);
}
