package cn.huiyin.intake.application;

import java.time.Instant;
import java.util.function.Consumer;

import cn.huiyin.intake.domain.Grievance;
import cn.huiyin.intake.domain.Handling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps intake's grievance in step with triage: who handles it (which decides which staff may see it and contact the
 * worker) and where it stands for the worker's self-service.
 */
public class FollowTriage {

    private static final Logger log = LoggerFactory.getLogger(FollowTriage.class);

    private final Grievances grievances;

    public FollowTriage(Grievances grievances) {
        this.grievances = grievances;
    }

    public void assigned(String grievanceId, Handling handling, Instant at) {
        change(grievanceId, g -> g.assignedTo(handling, at));
    }

    public void accepted(String grievanceId, String orgId, Instant at) {
        change(grievanceId, g -> g.acceptedBy(orgId, at));
    }

    public void returned(String grievanceId, String orgId, boolean referredForRuling, Instant at) {
        change(grievanceId, g -> g.returnedBy(orgId, referredForRuling, at));
    }

    public void merged(String grievanceId, String into, Instant at) {
        change(grievanceId, g -> g.mergedInto(into, at));
    }

    private void change(String grievanceId, Consumer<Grievance> change) {
        if (!grievances.apply(grievanceId, change) && grievances.find(grievanceId).isEmpty()) {
            // Triage only ever speaks of grievances intake published; anything else is not ours to track.
            log.warn("Triage spoke of grievance {}, which intake does not hold; ignored", grievanceId);
        }
    }
}
