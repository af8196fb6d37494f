package cn.huiyin.jointmeeting.application.review;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import cn.huiyin.jointmeeting.application.TrackedGrievances;
import cn.huiyin.jointmeeting.domain.grievance.TrackedGrievance;
import cn.huiyin.jointmeeting.domain.organisation.OrganisationRef;

/**
 * Keeps joint-meeting's record of each triage case in step with triage's events. Each event is one write of one
 * record; a replayed event leaves it as it is.
 */
public class FollowTriage {

    private final TrackedGrievances grievances;

    public FollowTriage(TrackedGrievances grievances) {
        this.grievances = grievances;
    }

    public void triaged(String grievanceId, int revision, String category, String categoryName, String divisionCode,
                        String workerGroup, Instant at) {
        change(grievanceId, g -> g.triaged(revision, category, categoryName, divisionCode, workerGroup, at));
    }

    public void assigned(String grievanceId, int attempt, OrganisationRef lead, List<OrganisationRef> coHandlers) {
        change(grievanceId, g -> g.assigned(attempt, lead, coHandlers));
    }

    public void accepted(String grievanceId, int attempt, String organisationId) {
        change(grievanceId, g -> g.accepted(attempt, organisationId));
    }

    public void returned(String grievanceId, int attempt) {
        change(grievanceId, g -> g.returned(attempt));
    }

    public void merged(String grievanceId, String into) {
        change(grievanceId, g -> g.merged(into));
    }

    private void change(String grievanceId, UnaryOperator<TrackedGrievance> change) {
        TrackedGrievance before = grievances.find(grievanceId).orElseGet(() -> TrackedGrievance.unknown(grievanceId));
        TrackedGrievance after = change.apply(before);
        if (!after.equals(before)) {
            grievances.save(after);
        }
    }
}
