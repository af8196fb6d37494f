package cn.huiyin.jointmeeting.application.review;

import cn.huiyin.jointmeeting.application.OrganisationStore;
import cn.huiyin.jointmeeting.domain.organisation.KnownOrganisation;

/** Keeps joint-meeting's view of the organisation registry: a newer revision replaces an older, never the reverse. */
public class FollowOrganisations {

    private final OrganisationStore store;

    public FollowOrganisations(OrganisationStore store) {
        this.store = store;
    }

    public void updated(KnownOrganisation organisation) {
        if (organisation.supersedes(store.find(organisation.id()).orElse(null))) {
            store.save(organisation);
        }
    }
}
