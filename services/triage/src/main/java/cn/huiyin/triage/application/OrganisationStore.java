package cn.huiyin.triage.application;

import java.util.List;

import cn.huiyin.triage.domain.Organisation;

/** Where the organisation registry is kept. */
public interface OrganisationStore {

    List<Organisation> loadAll();

    /** Counts up with every change, so other instances know to reload. */
    long revision();

    /** Creates or replaces one organisation. */
    void save(Organisation organisation);

    /** Replaces the whole registry. */
    void replaceAll(List<Organisation> organisations);
}
