package cn.huiyin.triage.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Short lists of recent grievances kept under a key, for spotting duplicates (same worker and category) and clusters
 * (same category and enterprise, or street) without searching the cases. A list keeps only its latest entries
 * ({@value #KEEP}), enough for any threshold of a few grievances and small enough to rewrite on every addition.
 */
public interface RecentGrievances {

    /** Entries a list keeps. */
    int KEEP = 20;

    /**
     * One grievance in a list.
     *
     * @param workerRef    the worker's pseudonym, so that a cluster counts workers, not filings; null if unknown
     * @param enterpriseId the registry enterprise the worker named, when the worker did not ask for confidentiality
     * @param placeParties property managers and operators of the place the grievance names
     */
    record Recent(String grievanceId, Instant submittedAt, String workerRef, String enterpriseId,
                  List<String> placeParties) {
        public Recent {
            placeParties = placeParties == null ? List.of() : List.copyOf(placeParties);
        }

        /** Who filed it: the worker, or the grievance itself when the worker is not known. */
        public String filer() {
            return workerRef == null ? grievanceId : workerRef;
        }
    }

    /** A cluster formed under a key, with when its latest member was submitted. */
    record Cluster(String clusterId, Instant formedAt, Instant lastMemberAt) {
    }

    /** The list under a key and the cluster formed under it, if any. */
    record Listed(List<Recent> recent, Cluster cluster) {
    }

    /** Adds {@code grievance} to the lists under {@code keys} and returns each list with it, by key. */
    Map<String, Listed> add(List<String> keys, Recent grievance);

    /**
     * Records a cluster under {@code key}, unless someone else recorded a different one since {@code expected} was
     * read.
     *
     * @return the cluster now recorded under the key
     */
    Cluster formOrJoin(String key, Cluster expected, Cluster proposed);

    Optional<Listed> find(String key);
}
