package cn.huiyin.triage.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.huiyin.triage.domain.Organisation;
import cn.huiyin.triage.domain.OrganisationUpdated;

/** Where the organisation registry is kept. */
public interface OrganisationStore {

    List<Organisation> loadAll();

    /** Counts up with every change, so other instances know to reload. */
    long revision();

    /** Creates or replaces one organisation. */
    void save(Organisation organisation);

    /** Replaces the whole registry; organisations it lacks are marked removed. */
    void replaceAll(List<Organisation> organisations);

    /** What was last published of each organisation, by id, including organisations taken out of the registry. */
    Map<String, Publication> publications();

    /** Organisations taken out of the registry by a whole-registry load; kept for their last publication. */
    List<Organisation> removed();

    /**
     * Stores the next publication of one organisation with its event, in one write, unless its publication moved
     * since {@code readRevision} was read (another instance published it).
     *
     * @return false if someone else got there first
     */
    boolean publish(String organisationId, long readRevision, String fingerprint, OrganisationUpdated event);

    /** @param revision publications so far; @param fingerprint of the contents last published */
    record Publication(long revision, String fingerprint) {
    }

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
