package cn.huiyin.jointmeeting.application;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import cn.huiyin.jointmeeting.domain.review.ReviewRequest;

/** Where review requests are kept. Storing one also stores the events it raised, in the same write. */
public interface ReviewRequests {

    /** @return false, and nothing stored, if a request with its id exists */
    boolean addIfAbsent(ReviewRequest request);

    Optional<ReviewRequest> find(String id);

    List<ReviewRequest> findAll(Collection<String> ids);

    /** @throws org.springframework.dao.OptimisticLockingFailureException if it changed since it was read */
    void update(ReviewRequest request);

    /** The convener organisation's queue, newest first. */
    List<ReviewRequest> convenedBy(String organisationId);

    /** Requests about places within a jurisdiction (a division-code prefix), newest first. */
    List<ReviewRequest> within(String divisionPrefix);

    /** The requests a grievance belongs to. */
    List<ReviewRequest> including(String grievanceId);
}
