package cn.huiyin.jointmeeting.application;

import java.util.List;
import java.util.Optional;

import cn.huiyin.jointmeeting.domain.organisation.KnownOrganisation;

/** Joint-meeting's view of triage's organisation registry, one record per organisation. */
public interface OrganisationStore {

    Optional<KnownOrganisation> find(String id);

    List<KnownOrganisation> all();

    void save(KnownOrganisation organisation);
}
