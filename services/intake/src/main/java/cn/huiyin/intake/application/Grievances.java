package cn.huiyin.intake.application;

import java.util.List;
import java.util.Optional;

import cn.huiyin.intake.domain.Grievance;
import cn.huiyin.intake.domain.GrievanceStatus;

/** Where grievances are kept. Storing one also stores the events it raised, atomically. */
public interface Grievances {

    /** @return false if a grievance with this tracking number exists already (a retried submission) */
    boolean addIfAbsent(Grievance grievance);

    Optional<Grievance> find(String grievanceId);

    /** Stores a changed grievance read earlier; fails if someone changed it in between. */
    void update(Grievance grievance);

    /** A page of grievances a caller may see, newest first; the scope is part of the query. */
    List<Grievance> search(AccessScope scope, GrievanceStatus status, int page, int size);

    long count(AccessScope scope, GrievanceStatus status);

    /** Closed grievances whose worker identity is still stored and was closed before {@code closedBefore}. */
    List<Grievance> closedWithIdentityBefore(java.time.Instant closedBefore, int limit);
}
