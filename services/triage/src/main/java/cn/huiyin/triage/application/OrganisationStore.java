package cn.huiyin.triage.application;

import java.util.List;
import java.util.Optional;

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

    /** The fingerprint of the registry file last loaded into the store, if one was recorded. */
    Optional<String> appliedFile();

    /**
     * Records that the registry file with {@code fingerprint} is loaded, unless another instance recorded something
     * else since {@code expected} was read.
     *
     * @return false if another instance got there first
     */
    boolean recordAppliedFile(String expected, String fingerprint);
}
