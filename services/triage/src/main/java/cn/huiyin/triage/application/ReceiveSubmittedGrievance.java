package cn.huiyin.triage.application;

import java.time.Clock;

import cn.huiyin.triage.domain.ReceivedGrievance;
import cn.huiyin.triage.domain.TriageCase;

/** Opens a triage case for each grievance intake accepted. Receiving the same grievance twice changes nothing. */
public class ReceiveSubmittedGrievance {

    private final TriageCases cases;
    private final Clock clock;

    public ReceiveSubmittedGrievance(TriageCases cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    public void receive(ReceivedGrievance grievance) {
        cases.addIfAbsent(TriageCase.open(grievance, clock.instant()));
    }
}
