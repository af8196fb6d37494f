package cn.huiyin.intake.web;

import java.time.Instant;
import java.util.List;

import cn.huiyin.intake.domain.Grievance;
import cn.huiyin.intake.domain.GrievanceStatus;
import cn.huiyin.intake.domain.Progress;

/**
 * What the worker sees through the self-service: where the case stands and its history, who handles it — nothing
 * about the staff or other people.
 */
record WorkerProgressView(String trackingNumber, GrievanceStatus status, String statusName, String statusNameEn,
                          Instant submittedAt, String handledBy, List<Progress> history, int supplements,
                          int evidence, boolean canSupplementOrWithdraw) {

    static WorkerProgressView of(Grievance g) {
        return new WorkerProgressView(g.id(), g.status(), g.status().zh(), g.status().en(), g.submittedAt(),
            g.handling() == null ? null : g.handling().orgName(), g.history(), g.supplements().size(),
            g.evidence().size(), g.status().isOpen());
    }
}
