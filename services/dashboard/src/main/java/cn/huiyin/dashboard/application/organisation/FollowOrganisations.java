package cn.huiyin.dashboard.application.organisation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import cn.huiyin.dashboard.domain.organisation.Hierarchy;
import cn.huiyin.dashboard.domain.organisation.RegisteredOrganisation;

/**
 * Keeps the registry view in step with triage's {@code OrganisationUpdated} events, and hands out the hierarchy figures
 * roll up along (re-read at most every few seconds: the registry changes rarely).
 */
public class FollowOrganisations {

    private static final Duration MAX_AGE = Duration.ofSeconds(5);

    private final Organisations organisations;
    private final Clock monotonic = Clock.systemUTC();
    private volatile Hierarchy hierarchy;
    private volatile Instant readAt = Instant.EPOCH;

    public FollowOrganisations(Organisations organisations) {
        this.organisations = organisations;
    }

    public void updated(RegisteredOrganisation organisation) {
        organisations.save(organisation);
        hierarchy = null;
    }

    public Hierarchy hierarchy() {
        Instant now = monotonic.instant();
        Hierarchy current = hierarchy;
        if (current == null || readAt.plus(MAX_AGE).isBefore(now)) {
            current = new Hierarchy(organisations.all());
            hierarchy = current;
            readAt = now;
        }
        return current;
    }
}
