package cn.huiyin.followup.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import cn.huiyin.followup.domain.actionitem.ActionItem;

/** Where follow-up keeps the action items it tracks; storing one stores its events with it. */
public interface ActionItems {

    /** @return false, and nothing stored, if the item exists (the assignment was seen before) */
    boolean addIfAbsent(ActionItem item);

    Optional<ActionItem> find(String actionItemId);

    /** @throws ConcurrentChange if it changed since it was read */
    void update(ActionItem item);

    List<DueCheck> dueForSupervision(Instant now, int limit);

    /** As {@link CaseFiles#updateSupervised}. */
    void updateSupervised(ActionItem item, DueCheck check);

    void forget(DueCheck check);

    /** The open items serving a grievance: while there are any, it cannot be resolved. */
    List<ActionItem> openFor(String grievanceId);

    /** Items led or co-organised by {@code organisationId}; open ones first, soonest due first. */
    Page<ActionItem> ofOrganisation(String organisationId, int page, int size);
}
