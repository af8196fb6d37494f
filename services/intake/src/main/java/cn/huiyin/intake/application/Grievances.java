package cn.huiyin.intake.application;

import java.util.Optional;

import cn.huiyin.intake.domain.Grievance;

/** Where grievances are kept. Storing one also stores the events it raised, atomically. */
public interface Grievances {

    void add(Grievance grievance);

    Optional<Grievance> find(String grievanceId);
}
