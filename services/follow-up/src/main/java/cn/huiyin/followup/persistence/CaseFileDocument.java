package cn.huiyin.followup.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.huiyin.followup.domain.casefile.CallbackAttempt;
import cn.huiyin.followup.domain.casefile.CaseFile;
import cn.huiyin.followup.domain.casefile.CaseStatus;
import cn.huiyin.followup.domain.casefile.Closure;
import cn.huiyin.followup.domain.casefile.Extension;
import cn.huiyin.followup.domain.casefile.FirstContact;
import cn.huiyin.followup.domain.casefile.GrievanceFacts;
import cn.huiyin.followup.domain.casefile.Handling;
import cn.huiyin.followup.domain.casefile.HistoryEntry;
import cn.huiyin.followup.domain.casefile.MaterialRequest;
import cn.huiyin.followup.domain.casefile.ProgressNote;
import cn.huiyin.followup.domain.casefile.Reopen;
import cn.huiyin.followup.domain.casefile.Resolution;
import cn.huiyin.followup.domain.casefile.RetaliationCheck;
import cn.huiyin.followup.domain.clock.Limit;
import cn.huiyin.followup.domain.clock.StageSpan;
import cn.huiyin.followup.domain.supervision.Card;
import cn.huiyin.followup.domain.supervision.IssuedStep;
import cn.huiyin.followup.domain.supervision.ManualSupervision;
import cn.huiyin.followup.domain.supervision.SupervisionRecord;
import cn.huiyin.platform.messaging.outbox.AggregateDocument;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A case file as stored, keyed by grievance id, with its outbox. Besides the case file it keeps flat fields the
 * queries filter and sort on — the next supervision instant the scan looks for, the handling organisations, the place,
 * the nearest deadline, the card — derived from the case file in the same write, so they never disagree with it.
 */
@Document("cases")
class CaseFileDocument extends AggregateDocument {

    private GrievanceFacts facts;
    private Handling handling;
    private CaseStatus status;
    private Instant statusSince;
    private String hours;
    private List<Limit> limits;
    private List<IssuedStep> issuedSteps;
    private List<ManualSupervision> manualSupervisions;
    private FirstContact firstContact;
    private List<ProgressNote> progress;
    private List<MaterialRequest> materialRequests;
    private List<Extension> extensions;
    private List<Resolution> resolutions;
    private List<CallbackAttempt> callbacks;
    private List<Reopen> reopens;
    private Closure closure;
    private RetaliationCheck retaliation;
    private List<StageSpan> stages;
    private List<HistoryEntry> history;

    /** When the supervision scan should next look at this case file; absent when nothing is left to watch. */
    private Instant nextDueAt;
    private List<String> handlerIds;
    private String divisionCode;
    private Instant activeDueAt;
    private Instant callbackDueAt;
    private Instant retaliationDueAt;
    private Card card;
    private boolean escalated;
    private Instant lastEscalatedAt;
    private List<String> escalatedToIds;
    /** When the oldest extension request still undecided was made; absent when none waits. */
    private Instant extensionPendingSince;

    CaseFileDocument() {
    }

    static CaseFileDocument from(CaseFile caseFile, long version) {
        CaseFile.Snapshot s = caseFile.snapshot();
        CaseFileDocument d = new CaseFileDocument();
        d.setId(s.id());
        d.setVersion(version);
        d.facts = s.facts();
        d.handling = s.handling();
        d.status = s.status();
        d.statusSince = s.statusSince();
        d.hours = s.hours();
        d.limits = s.limits();
        d.issuedSteps = s.supervision().issued();
        d.manualSupervisions = s.supervision().manual();
        d.firstContact = s.firstContact();
        d.progress = s.progress();
        d.materialRequests = s.materialRequests();
        d.extensions = s.extensions();
        d.resolutions = s.resolutions();
        d.callbacks = s.callbacks();
        d.reopens = s.reopens();
        d.closure = s.closure();
        d.retaliation = s.retaliation();
        d.stages = s.stages();
        d.history = s.history();
        d.nextDueAt = s.nextSupervisionAt();
        d.handlerIds = new ArrayList<>();
        if (s.handling() != null) {
            d.handlerIds.add(s.handling().lead().id());
            s.handling().coHandlers().forEach(co -> d.handlerIds.add(co.id()));
        }
        d.divisionCode = s.facts().divisionCode();
        d.activeDueAt = caseFile.clocks().active().map(Limit::dueAt).orElse(null);
        d.callbackDueAt = caseFile.callbackDueAt().orElse(null);
        d.retaliationDueAt = caseFile.retaliationCheckDueAt().orElse(null);
        d.card = caseFile.supervision().card();
        d.lastEscalatedAt = caseFile.supervision().lastEscalatedAt().orElse(null);
        d.escalated = d.lastEscalatedAt != null;
        d.escalatedToIds = List.copyOf(caseFile.supervision().escalatedTo());
        d.extensionPendingSince = s.extensions().stream().filter(Extension::isPending).map(Extension::requestedAt)
            .min(Instant::compareTo).orElse(null);
        return d;
    }

    CaseFile toDomain() {
        return CaseFile.restore(new CaseFile.Snapshot(getId(), facts, handling, status, statusSince, hours, limits,
            new SupervisionRecord(issuedSteps, manualSupervisions), firstContact, progress, materialRequests, extensions,
            resolutions, callbacks, reopens, closure, retaliation, stages, history, nextDueAt));
    }
}
