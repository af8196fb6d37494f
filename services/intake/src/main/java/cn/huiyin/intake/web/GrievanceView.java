package cn.huiyin.intake.web;

import java.time.Instant;
import java.util.List;

import cn.huiyin.intake.application.access.Disclosure;
import cn.huiyin.contracts.reference.ReferenceData;

import cn.huiyin.intake.application.GrievanceQueries;
import cn.huiyin.intake.domain.Channel;
import cn.huiyin.intake.domain.Evidence;
import cn.huiyin.intake.domain.ExternalReferences;
import cn.huiyin.intake.domain.Grievance;
import cn.huiyin.intake.domain.GrievanceStatus;
import cn.huiyin.intake.domain.Handling;
import cn.huiyin.intake.domain.Place;
import cn.huiyin.intake.domain.Recorder;
import cn.huiyin.intake.domain.Submission;
import cn.huiyin.intake.domain.Worker;
import cn.huiyin.intake.domain.WorkerGroup;
import cn.huiyin.platform.kernel.ChinaIdentifiers;
import cn.huiyin.platform.kernel.access.PersonalDataPolicy;
import cn.huiyin.platform.kernel.access.PersonalDataPolicy.Field;

/**
 * A grievance as one member of staff sees it, field by field as the platform's {@link PersonalDataPolicy} says
 * (docs/privacy.md): name, phone and ID masked (unmasking is a separate, audited request), and for an enterprise
 * handling a confidential case nothing that identifies the worker — no pseudonym, order number, exact place or time,
 * station, the worker's own words, files, history details or the grievance it was merged into.
 *
 * @param supplementCount how many supplements there are, also where their text is withheld
 * @param evidenceCount   how many files there are, also where they are withheld
 */
record GrievanceView(String grievanceId, String trackingNumber, GrievanceStatus status, String statusName,
                     Instant submittedAt, Channel channel, Recorder recordedBy, WorkerView worker, boolean confidential,
                     String category, String categoryName, String description, LocationView location,
                     Instant occurredAt, ExternalReferences externalReferences, String preferredContactTime,
                     Handling handling, List<SupplementView> supplements, int supplementCount,
                     List<EvidenceView> evidence, int evidenceCount, List<ProgressText.View> history, Instant closedAt,
                     boolean personalDataErased) {

    static final String WITHHELD = "（保密）";

    record WorkerView(String workerRef, String name, String mobile, String residentId, WorkerGroup group,
                      String platformOrEmployer, String homeStation) {
    }

    record LocationView(String divisionCode, String divisionName, String address, Place.Coordinates coordinates) {
    }

    /** @param text null where withheld or erased */
    record SupplementView(Instant at, String by, String text) {
    }

    record EvidenceView(String fileId, String filename, String contentType, long size, Instant addedAt, String by) {
        static EvidenceView of(Evidence e) {
            return new EvidenceView(e.fileId(), e.filename(), e.contentType(), e.size(), e.addedAt(), e.by());
        }
    }

    static GrievanceView of(GrievanceQueries.Read read, ReferenceData referenceData) {
        Grievance grievance = read.grievance();
        Disclosure disclosure = read.disclosure();
        Submission s = grievance.submission();
        Worker w = s.worker();
        boolean hidden = disclosure.withholds(Field.PSEUDONYM);
        WorkerView worker = new WorkerView(
            hidden ? null : grievance.workerRef(),
            hidden ? WITHHELD : ChinaIdentifiers.maskName(w.name()),
            hidden ? WITHHELD : ChinaIdentifiers.maskMobile(w.mobile()),
            hidden ? null : ChinaIdentifiers.maskResidentId(w.residentId()),
            w.group(), w.platformOrEmployer(),
            disclosure.withholds(Field.HOME_STATION) ? null : w.homeStation());
        ExternalReferences references = s.externalReferences() == null ? null : new ExternalReferences(
            disclosure.withholds(Field.HOTLINE_TICKET) ? null : s.externalReferences().hotlineTicket(),
            disclosure.withholds(Field.PLATFORM_ORDER_NUMBER) ? null : s.externalReferences().platformOrderNumber(),
            s.externalReferences().ledger());
        boolean exactPlace = !disclosure.withholds(Field.EXACT_PLACE);
        boolean supplementText = !disclosure.withholds(Field.SUPPLEMENT_TEXT);
        boolean files = !disclosure.withholds(Field.EVIDENCE);
        boolean details = !disclosure.withholds(Field.HISTORY_DETAILS)
            && !disclosure.withholds(Field.RELATED_GRIEVANCES);
        return new GrievanceView(grievance.id(), grievance.trackingNumber().value(), grievance.status(),
            grievance.status().zh(), grievance.submittedAt(), s.channel(),
            disclosure.withholds(Field.RECORDER) ? null : s.recordedBy(), worker, s.confidential(),
            s.category(), referenceData.category(s.category()).map(c -> c.nameZh()).orElse(null), s.description(),
            new LocationView(s.place().divisionCode(),
                referenceData.division(s.place().divisionCode()).map(d -> d.nameZh()).orElse(null),
                exactPlace ? s.place().address() : null, exactPlace ? s.place().coordinates() : null),
            disclosure.withholds(Field.OCCURRED_AT) ? null : s.occurredAt(),
            references == null || references.hotlineTicket() == null && references.platformOrderNumber() == null
                ? null : references,
            disclosure.withholds(Field.PREFERRED_CONTACT_TIME) ? null : s.preferredContactTime(),
            grievance.handling(),
            grievance.supplements().stream().map(x -> new SupplementView(x.at(), x.by(), supplementText ? x.text() : null))
                .toList(), grievance.supplements().size(),
            files ? grievance.evidence().stream().map(EvidenceView::of).toList() : List.of(), grievance.evidence().size(),
            grievance.history().stream().map(p -> ProgressText.of(details ? p : p.withoutDetails())).toList(),
            grievance.closedAt(), grievance.personalDataErasedAt() != null);
    }
}
