package cn.huiyin.intake.web;

import java.time.Instant;

import cn.huiyin.contracts.reference.ReferenceData;
import cn.huiyin.intake.domain.Channel;
import cn.huiyin.intake.domain.ExternalReferences;
import cn.huiyin.intake.domain.Grievance;
import cn.huiyin.intake.domain.GrievanceStatus;
import cn.huiyin.intake.domain.Place;
import cn.huiyin.intake.domain.Recorder;
import cn.huiyin.intake.domain.Submission;
import cn.huiyin.intake.domain.Worker;
import cn.huiyin.intake.domain.WorkerGroup;
import cn.huiyin.platform.kernel.ChinaIdentifiers;

/** A grievance as staff see it. Phone and ID numbers are masked. */
record GrievanceView(String grievanceId, String trackingNumber, GrievanceStatus status, Instant submittedAt,
                     Channel channel, Recorder recordedBy, WorkerView worker, boolean confidential, String category,
                     String categoryName, String description, LocationView location, Instant occurredAt,
                     ExternalReferences externalReferences, String preferredContactTime) {

    record WorkerView(String workerRef, String name, String mobile, String residentId, WorkerGroup group,
                      String platformOrEmployer, String homeStation) {
    }

    record LocationView(String divisionCode, String divisionName, String address, Place.Coordinates coordinates) {
    }

    static GrievanceView of(Grievance grievance, ReferenceData referenceData) {
        Submission s = grievance.submission();
        Worker w = s.worker();
        return new GrievanceView(grievance.id(), grievance.trackingNumber().value(), grievance.status(),
            grievance.submittedAt(), s.channel(), s.recordedBy(),
            new WorkerView(grievance.workerRef(), w.name(), ChinaIdentifiers.maskMobile(w.mobile()),
                ChinaIdentifiers.maskResidentId(w.residentId()), w.group(), w.platformOrEmployer(), w.homeStation()),
            s.confidential(), s.category(),
            referenceData.category(s.category()).map(c -> c.nameZh()).orElse(null), s.description(),
            new LocationView(s.place().divisionCode(),
                referenceData.division(s.place().divisionCode()).map(d -> d.nameZh()).orElse(null),
                s.place().address(), s.place().coordinates()),
            s.occurredAt(), s.externalReferences(), s.preferredContactTime());
    }
}
