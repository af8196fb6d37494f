package cn.huiyin.intake.application;

import java.util.Optional;

import cn.huiyin.intake.domain.Grievance;

/** Reads grievances for staff. */
public class GrievanceQueries {

    private final Grievances grievances;

    public GrievanceQueries(Grievances grievances) {
        this.grievances = grievances;
    }

    public Optional<Grievance> find(String grievanceId) {
        return grievances.find(grievanceId);
    }
}
