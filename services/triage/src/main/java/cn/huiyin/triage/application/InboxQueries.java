package cn.huiyin.triage.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.huiyin.platform.kernel.access.Caller;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.triage.domain.InboxEntry;
import cn.huiyin.triage.domain.Organisation;

/** An organisation's inbox (待办), for its own staff, its supervisors and the triage officers of its area. */
public class InboxQueries {

    /** One page of one view, with the size of every view. */
    public record InboxPage(Organisation organisation, InboxView view, List<InboxEntry> entries, int page, int size,
                            long total, Map<InboxView, Long> counts, Instant asOf) {
    }

    private final Inboxes inboxes;
    private final Registry registry;
    private final Clock clock;

    public InboxQueries(Inboxes inboxes, Registry registry, Clock clock) {
        this.inboxes = inboxes;
        this.registry = registry;
        this.clock = clock;
    }

    public InboxPage inbox(Caller caller, String organisationId, InboxView view, int page, int size) {
        Organisation organisation = registry.current().find(organisationId).orElseThrow(() -> DomainException.notFound(
            "organisation.unknown", "组织名录中没有 " + organisationId, "No organisation " + organisationId + " in the registry"));
        Reach.requireCanReadInbox(caller, organisation, registry.current());
        Instant now = clock.instant();
        Map<InboxView, Long> counts = inboxes.counts(organisationId, now);
        return new InboxPage(organisation, view, inboxes.page(organisationId, view, now, page, size), page, size,
            counts.getOrDefault(view, 0L), counts, now);
    }

    /** The caller's own organisation's inbox. */
    public InboxPage ownInbox(Caller caller, InboxView view, int page, int size) {
        if (caller.organisationId() == null) {
            throw DomainException.notFound("organisation.none", "您的账号没有所属单位", "Your account belongs to no organisation");
        }
        return inbox(caller, caller.organisationId(), view, page, size);
    }
}
