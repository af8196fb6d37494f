package cn.huiyin.triage.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import cn.huiyin.triage.domain.Organisation;
import cn.huiyin.triage.domain.OrganisationRegistry;
import cn.huiyin.triage.domain.OrganisationUpdated;

/**
 * Tells other services about the registry (组织名录) on {@code huiyin.triage.organisation.v1}: every organisation whose
 * data differs from what was last published of it (created, edited, loaded from a file, renamed above it, taken out)
 * gets its next {@code OrganisationUpdated}, through its own outbox. Run after every change and at start-up, so that an
 * organisation left behind by a crash between an edit and its publication is published then; what is up to date is
 * left alone, and of several instances only one publishes each change.
 */
public class OrganisationPublication {

    /** Rounds against other instances before leaving the rest to the next run. */
    static final int ATTEMPTS = 3;

    private final OrganisationStore store;
    private final Registry registry;
    private final Clock clock;

    public OrganisationPublication(OrganisationStore store, Registry registry, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.clock = clock;
    }

    /** @return how many organisations were published */
    public synchronized int publishChanges() {
        int published = 0;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            OrganisationRegistry current = registry.current();
            Map<String, OrganisationStore.Publication> last = store.publications();
            boolean overtaken = false;
            for (Organisation org : current.all()) {
                Outcome outcome = publishIfChanged(OrganisationUpdated.of(org, current.ancestors(org.id()), false), last);
                published += outcome == Outcome.PUBLISHED ? 1 : 0;
                overtaken |= outcome == Outcome.OVERTAKEN;
            }
            for (Organisation org : store.removed()) {
                if (!last.containsKey(org.id()) || last.get(org.id()).revision() == 0) {
                    continue; // never published, so nobody needs to hear it is gone
                }
                Outcome outcome = publishIfChanged(OrganisationUpdated.of(org, ancestorsOfRemoved(org, current), true),
                    last);
                published += outcome == Outcome.PUBLISHED ? 1 : 0;
                overtaken |= outcome == Outcome.OVERTAKEN;
            }
            if (!overtaken) {
                break;
            }
            registry.reload();
        }
        return published;
    }

    /** Those above an organisation no longer in the registry, as far as its parent still is. */
    private static List<Organisation> ancestorsOfRemoved(Organisation org, OrganisationRegistry current) {
        if (org.parentId() == null) {
            return List.of();
        }
        return current.find(org.parentId()).map(parent -> {
            List<Organisation> above = new ArrayList<>(List.of(parent));
            above.addAll(current.ancestors(parent.id()));
            return List.copyOf(above);
        }).orElse(List.of());
    }

    private enum Outcome { UP_TO_DATE, PUBLISHED, OVERTAKEN }

    private Outcome publishIfChanged(OrganisationUpdated now, Map<String, OrganisationStore.Publication> last) {
        String fingerprint = fingerprint(now.contents());
        OrganisationStore.Publication before = last.get(now.organisationId());
        if (before != null && fingerprint.equals(before.fingerprint())) {
            return Outcome.UP_TO_DATE;
        }
        long revision = before == null ? 0 : before.revision();
        return store.publish(now.organisationId(), revision, fingerprint, now.published(revision + 1, clock.instant()))
            ? Outcome.PUBLISHED : Outcome.OVERTAKEN;
    }

    private static String fingerprint(String contents) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(contents.getBytes(StandardCharsets.UTF_8))).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
