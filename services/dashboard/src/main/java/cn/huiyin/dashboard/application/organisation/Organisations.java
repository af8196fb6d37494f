package cn.huiyin.dashboard.application.organisation;

import java.util.List;

import cn.huiyin.dashboard.domain.organisation.RegisteredOrganisation;

/** The dashboard's own view of triage's organisation registry (port); not part of a projection generation. */
public interface Organisations {

    /** Stores the organisation unless a revision at least as new is stored (idempotent, any order). */
    void save(RegisteredOrganisation organisation);

    List<RegisteredOrganisation> all();
}
