package cn.huiyin.intake.web;

import java.time.Instant;
import java.util.List;

import cn.huiyin.intake.application.selfservice.WorkerSelfService;
import cn.huiyin.intake.domain.Grievance;
import cn.huiyin.intake.domain.GrievanceStatus;

/**
 * What the worker sees through the self-service: where the case stands and its history, who handles it — nothing
 * about the staff or other people.
 *
 * @param newQueryCode only once: the query code issued to a worker who opened a grievance from before query codes
 *                     with their mobile number; from now on it is the way in
 */
record WorkerProgressView(String trackingNumber, GrievanceStatus status, String statusName, String statusNameEn,
                          Instant submittedAt, String handledBy, List<ProgressText.View> history, int supplements,
                          int evidence, boolean canSupplementOrWithdraw, String newQueryCode) {

    static WorkerProgressView of(WorkerSelfService.Identified identified) {
        Grievance g = identified.grievance();
        return new WorkerProgressView(g.id(), g.status(), g.status().zh(), g.status().en(), g.submittedAt(),
            g.handling() == null ? null : g.handling().orgName(), g.history().stream().map(ProgressText::of).toList(),
            g.supplements().size(), g.evidence().size(), g.status().isOpen(), identified.newQueryCode());
    }
}
