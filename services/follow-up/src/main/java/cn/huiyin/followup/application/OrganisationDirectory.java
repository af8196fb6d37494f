package cn.huiyin.followup.application;

import java.util.Optional;

/** Follow-up's view of triage's organisation registry, kept from {@code huiyin.triage.organisation.v1}. */
public interface OrganisationDirectory {

    /** Keeps {@code entry} unless a record of the same or a newer revision is there (safe to repeat). */
    void record(OrganisationEntry entry);

    Optional<OrganisationEntry> find(String organisationId);
}
