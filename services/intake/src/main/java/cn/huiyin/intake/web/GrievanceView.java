package cn.huiyin.intake.web;

import java.time.Instant;
import java.util.List;

import cn.huiyin.contracts.reference.ReferenceData;
import cn.huiyin.intake.application.GrievanceAccess;
import cn.huiyin.intake.domain.Channel;
import cn.huiyin.intake.domain.Evidence;
import cn.huiyin.intake.domain.ExternalReferences;
import cn.huiyin.intake.domain.Grievance;
import cn.huiyin.intake.domain.GrievanceStatus;
import cn.huiyin.intake.domain.Handling;
import cn.huiyin.intake.domain.Place;
import cn.huiyin.intake.domain.Progress;
import cn.huiyin.intake.domain.Recorder;
import cn.huiyin.intake.domain.Submission;
import cn.huiyin.intake.domain.Supplement;
import cn.huiyin.intake.domain.Worker;
import cn.huiyin.intake.domain.WorkerGroup;
import cn.huiyin.platform.kernel.ChinaIdentifiers;
import cn.huiyin.platform.service.security.HuiyinUser;

/**
 * A grievance as staff see it. Phone and ID numbers are always masked here (unmasking is a separate, audited request);
 * a confidential grievance seen by an enterprise party organisation shows no name at all.
 */
record GrievanceView(String grievanceId, String trackingNumber, GrievanceStatus status, String statusName,
                     Instant submittedAt, Channel channel, Recorder recordedBy, WorkerView worker, boolean confidential,
                     String category, String categoryName, String description, LocationView location,
                     Instant occurredAt, ExternalReferences externalReferences, String preferredContactTime,
                     Handling handling, List<Supplement> supplements, List<EvidenceView> evidence,
                     List<Progress> history, Instant closedAt, boolean personalDataErased) {

    static final String WITHHELD = "（保密）";

    record WorkerView(String workerRef, String name, String mobile, String residentId, WorkerGroup group,
                      String platformOrEmployer, String homeStation) {
    }

    record LocationView(String divisionCode, String divisionName, String address, Place.Coordinates coordinates) {
    }

    record EvidenceView(String fileId, String filename, String contentType, long size, Instant addedAt, String by) {
        static EvidenceView of(Evidence e) {
            return new EvidenceView(e.fileId(), e.filename(), e.contentType(), e.size(), e.addedAt(), e.by());
        }
    }

    static GrievanceView of(Grievance grievance, HuiyinUser viewer, ReferenceData referenceData) {
        Submission s = grievance.submission();
        Worker w = s.worker();
        boolean identity = GrievanceAccess.canSeeIdentity(viewer, grievance);
        WorkerView worker = new WorkerView(identity ? grievance.workerRef() : null,
            identity ? w.name() : WITHHELD, identity ? ChinaIdentifiers.maskMobile(w.mobile()) : WITHHELD,
            identity ? ChinaIdentifiers.maskResidentId(w.residentId()) : null, w.group(), w.platformOrEmployer(),
            identity ? w.homeStation() : null);
        return new GrievanceView(grievance.id(), grievance.trackingNumber().value(), grievance.status(),
            grievance.status().zh(), grievance.submittedAt(), s.channel(), s.recordedBy(), worker, s.confidential(),
            s.category(), referenceData.category(s.category()).map(c -> c.nameZh()).orElse(null), s.description(),
            new LocationView(s.place().divisionCode(),
                referenceData.division(s.place().divisionCode()).map(d -> d.nameZh()).orElse(null),
                s.place().address(), s.place().coordinates()),
            s.occurredAt(), s.externalReferences(), s.preferredContactTime(), grievance.handling(),
            grievance.supplements(), grievance.evidence().stream().map(EvidenceView::of).toList(),
            grievance.history(), grievance.closedAt(), grievance.personalDataErasedAt() != null);
    }
}
