package cn.huiyin.triage.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import cn.huiyin.triage.domain.InboxEntry;

/** Organisation inboxes (待办): a view derived from the cases, kept up to date after every change of a case. */
public interface Inboxes {

    /**
     * Makes the inboxes show {@code entries} for the case: entries of organisations in {@code previousOrganisations}
     * that no longer appear are removed.
     */
    void sync(String grievanceId, Collection<String> previousOrganisations, List<InboxEntry> entries);

    /** One page of an organisation's inbox in {@code view}, soonest deadline first. */
    List<InboxEntry> page(String organisationId, InboxView view, Instant now, int page, int size);

    /** How many entries the organisation has in each view. */
    Map<InboxView, Long> counts(String organisationId, Instant now);
}
