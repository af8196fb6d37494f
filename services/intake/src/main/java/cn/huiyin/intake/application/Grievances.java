package cn.huiyin.intake.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import cn.huiyin.intake.application.access.AccessScope;
import cn.huiyin.intake.domain.Grievance;
import cn.huiyin.intake.domain.GrievanceStatus;

/** Where grievances are kept. Storing one also stores the events it raised, atomically. */
public interface Grievances {

    /** @return false if a grievance with this tracking number exists already (a retried submission) */
    boolean addIfAbsent(Grievance grievance);

    Optional<Grievance> find(String grievanceId);

    /** Stores a changed grievance read earlier; fails if someone changed it in between. */
    void update(Grievance grievance);

    /**
     * Applies the effect of the inbound event being handled to one grievance, once: nothing happens if the grievance
     * is unknown or already applied that event (a redelivery), and the event is recorded in the same write.
     *
     * @return false if nothing changed for one of those reasons
     */
    boolean apply(String grievanceId, java.util.function.Consumer<Grievance> change);

    /** A page of grievances a caller may see, newest first; the scope is part of the query. */
    List<Grievance> search(AccessScope scope, GrievanceStatus status, int page, int size);

    long count(AccessScope scope, GrievanceStatus status);

    /** One worker's grievances (by pseudonym) within a territorial scope, newest first, at most {@code limit}. */
    List<Grievance> ofWorker(String workerRef, AccessScope scope, int limit);

    /**
     * Ids of grievances closed before {@code closedBefore} whose personal data is still stored, except those in
     * {@code skip}; ids only, so that one grievance that cannot be read does not stop the others.
     */
    List<String> closedWithPersonalDataBefore(Instant closedBefore, Collection<String> skip, int limit);

    /**
     * Ids of grievances with a personal field encrypted under another key than {@code activeKeyId}, except those in
     * {@code skip}.
     */
    List<String> encryptedWithOtherKeyThan(String activeKeyId, Collection<String> skip, int limit);

    /**
     * Those of the given grievances that {@code staffId} recorded (e.g. an Open311 client, {@code open311:<client>}),
     * newest first; the recorder is part of the query, so nobody else's grievances are read.
     */
    List<Grievance> recordedBy(String staffId, Collection<String> grievanceIds);

    /**
     * Grievances {@code staffId} recorded that were submitted in {@code [submittedFrom, submittedTo)}, newest first, at
     * most {@code limit}.
     *
     * @param categories only these categories; empty: any
     * @param statuses   only these statuses; empty: any
     */
    List<Grievance> recordedBy(String staffId, Collection<String> categories,
                               Collection<GrievanceStatus> statuses, Instant submittedFrom,
                               Instant submittedTo, int limit);
}
