package cn.huiyin.followup.domain.casefile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.huiyin.followup.domain.Hierarchy;
import cn.huiyin.followup.domain.OrganisationRef;
import cn.huiyin.followup.domain.clock.Limit;
import cn.huiyin.followup.domain.clock.WorkingTime;
import cn.huiyin.followup.domain.events.ExtensionDecided;
import cn.huiyin.followup.domain.events.ExtensionRequested;
import cn.huiyin.followup.domain.events.FirstResponseRecorded;
import cn.huiyin.followup.domain.events.GrievanceResolved;
import cn.huiyin.followup.domain.events.MaterialRequested;
import cn.huiyin.followup.domain.events.ProgressRecorded;
import cn.huiyin.followup.domain.supervision.ManualSupervision;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.kernel.FieldProblem;
import cn.huiyin.platform.kernel.InvalidFieldsException;
import cn.huiyin.platform.kernel.access.Caller;

/**
 * The handling of a case (办理) by its organisations, on the case file's state: first contact, progress and co-handlers'
 * parts, material requests, extensions, resolution, and the supervisors' own 督办. Each step checks who may take it and
 * whether the case is ready for it, and changes nothing when it refuses.
 */
final class CaseHandling {

    /** The callback is due within this many working days after resolution. */
    static final int CALLBACK_WORKING_DAYS = 2;

    private CaseHandling() {
    }

    static void recordFirstContact(CaseFile c, Caller caller, Instant contactedAt, ContactChannel channel, String note,
                                   Instant now, WorkingTime time) {
        requireLead(c, caller, "记录先行联系", "record the first contact");
        switch (c.status) {
            case NEW, ASSIGNED -> throw notSignedFor(c, "first-contact");
            case IN_PROGRESS, WAITING_FOR_WORKER -> throw CaseFile.conflict("first-contact.already-recorded",
                "已于 " + c.firstContact.contactedAt() + " 记录先行联系", "The first contact was recorded already, at "
                    + c.firstContact.contactedAt());
            case RESOLVED, CLOSED -> throw finished(c);
            default -> { }
        }
        Instant at = contactedAt == null ? now : contactedAt;
        List<FieldProblem> problems = new ArrayList<>();
        if (at.isAfter(now)) {
            problems.add(new FieldProblem("contactedAt", "contactedAt.future", "不能晚于当前时间", "must not be in the future"));
        }
        if (c.facts.submittedAt() != null && at.isBefore(c.facts.submittedAt())) {
            problems.add(new FieldProblem("contactedAt", "contactedAt.before-submission", "不能早于诉求提交时间",
                "must not be before the grievance was submitted"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        Limit response = c.clocks.response().orElseThrow();
        boolean within = !at.isAfter(response.dueAt());
        c.clocks.stop(CaseClocks.RESPONSE, at);
        c.firstContact = new FirstContact(at, now, caller.username(), channel, note, within);
        c.moveTo(CaseStatus.IN_PROGRESS, at, time);
        c.pendingEvents.add(new FirstResponseRecorded(c.id, c.lead(), at, channel, response.dueAt(), within,
            time.between(response.startedAt(), at, c.hours).toMinutes(),
            Duration.between(response.startedAt(), at).toMinutes(), now, WorkerStage.CONTACTED));
        c.record(now, caller.username(), "FIRST_CONTACT", Map.of("organisation", c.lead().name(),
            "channel", channel.name(), "contactedAt", at.toString(), "withinLimit", Boolean.toString(within)));
    }

    static void recordProgress(CaseFile c, Caller caller, String note, List<EvidenceRef> evidence, Instant now) {
        requireAssigned(c);
        boolean lead = c.handling.isLead(caller.organisationId());
        if (!lead && !c.handling.isCoHandler(caller.organisationId())) {
            throw DomainException.forbidden("case.not-handler", "贵单位不是本诉求的主办或协办单位",
                "Your organisation neither leads nor co-handles this case");
        }
        switch (c.status) {
            case NEW, ASSIGNED -> throw notSignedFor(c, "progress");
            case RESOLVED, CLOSED -> throw finished(c);
            case SIGNED_FOR -> {
                if (lead) {
                    throw beforeFirstContact("progress", "记录办理进展", "record progress");
                }
            }
            default -> { }
        }
        if (c.progress.size() >= CaseFile.MAX_PROGRESS_NOTES) {
            throw CaseFile.conflict("progress.too-many", "每件案件最多记录 " + CaseFile.MAX_PROGRESS_NOTES
                + " 条办理进展，请提请督办", "A case file takes at most " + CaseFile.MAX_PROGRESS_NOTES
                + " progress notes; ask the supervisor to step in");
        }
        OrganisationRef organisation = lead ? c.lead() : c.handling.coHandlers().stream()
            .filter(o -> o.is(caller.organisationId())).findFirst().orElseThrow();
        NoteKind kind = lead ? NoteKind.NOTE : NoteKind.CO_HANDLER_PART;
        c.progress.add(new ProgressNote(now, caller.username(), organisation, lead ? "LEAD" : "CO_HANDLER", kind, note,
            evidence));
        c.pendingEvents.add(new ProgressRecorded(c.id, organisation, lead ? "LEAD" : "CO_HANDLER", kind, note,
            List.copyOf(evidence), now, resolutionDue(c), c.status == CaseStatus.WAITING_FOR_WORKER
                ? WorkerStage.WAITING_FOR_MATERIAL : WorkerStage.IN_PROGRESS));
        c.record(now, caller.username(), lead ? "PROGRESS" : "CO_HANDLER_PART", Map.of("organisation",
            organisation.name(), "evidenceCount", Integer.toString(evidence.size())));
    }

    static void requestMaterial(CaseFile c, Caller caller, String materials, Instant now, WorkingTime time) {
        requireLead(c, caller, "请职工补充材料", "ask the worker for material");
        requireBeingHandled(c, "material", "请职工补充材料", "ask for material");
        if (c.status == CaseStatus.WAITING_FOR_WORKER) {
            throw CaseFile.conflict("material.already-waiting", "已在等待职工补充材料，计时已暂停",
                "The case is already waiting for the worker's material; the clock stands still");
        }
        if (c.materialRequests.size() >= CaseFile.MAX_MATERIAL_REQUESTS) {
            throw CaseFile.conflict("material.too-many", "同一案件最多请职工补充材料 " + CaseFile.MAX_MATERIAL_REQUESTS + " 次",
                "A worker can be asked for material at most " + CaseFile.MAX_MATERIAL_REQUESTS + " times per case");
        }
        String requestId = c.id + "-M" + (c.materialRequests.size() + 1);
        c.clocks.pauseResolution(now);
        c.materialRequests.add(new MaterialRequest(requestId, now, caller.username(), materials, null));
        c.moveTo(CaseStatus.WAITING_FOR_WORKER, now, time);
        Limit resolution = c.clocks.resolution().orElseThrow();
        c.pendingEvents.add(new MaterialRequested(c.id, requestId, c.lead(), materials, now, resolution.dueAt(),
            Math.max(0, resolution.workingTimeLeft(now, time).toMinutes()), WorkerStage.WAITING_FOR_MATERIAL));
        c.record(now, caller.username(), "MATERIAL_REQUESTED", Map.of("materials", materials));
    }

    /** The worker sent material (intake's supplement): a waiting clock runs again, its deadline moved. */
    static void supplemented(CaseFile c, Instant at, WorkingTime time) {
        if (c.status != CaseStatus.WAITING_FOR_WORKER) {
            if (c.status != CaseStatus.CLOSED) {
                c.record(at, "worker", "WORKER_SUPPLEMENTED", Map.of());
            }
            return;
        }
        c.clocks.resumeResolution(at, time);
        c.materialRequests.replaceAll(r -> r.isOpen() ? r.answered(at) : r);
        c.moveTo(CaseStatus.IN_PROGRESS, at, time);
        Instant due = resolutionDue(c);
        c.pendingEvents.add(new ProgressRecorded(c.id, c.lead(), "WORKER", NoteKind.MATERIAL_RECEIVED, null, List.of(),
            at, due, WorkerStage.IN_PROGRESS));
        c.record(at, "worker", "MATERIAL_RECEIVED", Map.of("resolutionDueAt", due.toString()));
    }

    static void requestExtension(CaseFile c, Caller caller, String reason, Instant requestedDueAt, Hierarchy hierarchy,
                                 Instant now) {
        requireLead(c, caller, "申请延期", "request an extension");
        requireBeingHandled(c, "extension", "申请延期", "request an extension");
        Limit resolution = c.clocks.resolution().orElseThrow();
        if (!now.isBefore(resolution.dueAt())) {
            throw CaseFile.conflict("extension.after-deadline", "办结期限（" + resolution.dueAt()
                    + "）已过，延期须在期限届满前申请", "The resolution deadline (" + resolution.dueAt()
                    + ") has passed; an extension must be requested before it");
        }
        if (c.extensions.stream().anyMatch(Extension::isPending)) {
            throw CaseFile.conflict("extension.pending", "已有一项延期申请待上级审批",
                "An extension request is already waiting for the organisation above");
        }
        if (!requestedDueAt.isAfter(resolution.dueAt())) {
            throw new InvalidFieldsException(List.of(new FieldProblem("requestedDueAt", "requestedDueAt.not-later",
                "应晚于当前办结期限 " + resolution.dueAt(), "must be after the current deadline " + resolution.dueAt())));
        }
        OrganisationRef deciding = hierarchy.above(1).orElse(null);
        Extension extension = new Extension(c.id + "-E" + (c.extensions.size() + 1), now, caller.username(), reason,
            resolution.dueAt(), requestedDueAt, deciding, null, null, null, null, null);
        c.extensions.add(extension);
        c.pendingEvents.add(new ExtensionRequested(c.id, extension.extensionId(), c.lead(), reason, resolution.dueAt(),
            requestedDueAt, now, deciding));
        c.record(now, caller.username(), "EXTENSION_REQUESTED", Map.of("requestedDueAt", requestedDueAt.toString(),
            "reason", reason));
    }

    static void decideExtension(CaseFile c, Caller caller, String extensionId, boolean approve, String note,
                                Hierarchy hierarchy, Instant now, WorkingTime time) {
        requireAssigned(c);
        Extension extension = c.extensions.stream().filter(e -> e.extensionId().equals(extensionId)).findFirst()
            .orElseThrow(() -> DomainException.notFound("extension.unknown", "没有编号为 " + extensionId + " 的延期申请",
                "No extension request " + extensionId));
        if (!extension.isPending()) {
            throw CaseFile.conflict("extension.decided", "该延期申请已于 " + extension.decidedAt() + " 审批",
                "This extension was decided already, at " + extension.decidedAt());
        }
        if (!hierarchy.isAbove(caller.organisationId())) {
            throw DomainException.forbidden("extension.not-above", "延期由主办单位的上级单位审批"
                    + hierarchy.above(1).map(o -> "（" + o.name() + "）").orElse(""),
                "An extension is decided by the organisation above the lead"
                    + hierarchy.above(1).map(o -> " (" + o.id() + ")").orElse(""));
        }
        if (!c.status.isOpen()) {
            throw finished(c);
        }
        OrganisationRef decidedBy = hierarchy.ancestors().stream().filter(o -> o.is(caller.organisationId()))
            .findFirst().orElseThrow();
        Instant previous = resolutionDue(c);
        if (approve) {
            c.clocks.extendResolution(extension.requestedDueAt(), time);
        }
        c.extensions.replaceAll(e -> e.extensionId().equals(extensionId)
            ? e.decided(approve, now, caller.username(), decidedBy, note) : e);
        c.pendingEvents.add(new ExtensionDecided(c.id, extensionId, approve, decidedBy, note, now, previous,
            resolutionDue(c)));
        c.record(now, caller.username(), approve ? "EXTENSION_APPROVED" : "EXTENSION_REFUSED",
            Map.of("organisation", decidedBy.name(), "resolutionDueAt", resolutionDue(c).toString()));
    }

    static void resolve(CaseFile c, Caller caller, ResolutionKind kind, String explanation, Remedy remedy,
                        List<String> openActionItems, Instant now, WorkingTime time) {
        requireLead(c, caller, "办结", "resolve the case");
        switch (c.status) {
            case NEW, ASSIGNED -> throw notSignedFor(c, "resolution");
            case SIGNED_FOR -> throw beforeFirstContact("resolution", "办结", "resolve the case");
            case RESOLVED -> throw CaseFile.conflict("resolution.already", "本轮已办结，等待回访",
                "This round is resolved already and awaits the callback");
            case CLOSED -> throw finished(c);
            default -> { }
        }
        if (kind.needsExplanation() && (explanation == null || explanation.isBlank())) {
            throw new InvalidFieldsException(List.of(new FieldProblem("explanation", "explanation.required",
                "部分解决或无法解决时，须写明向职工作出的解释", "is required when the case is partly resolved or cannot be resolved")));
        }
        if (!openActionItems.isEmpty()) {
            throw CaseFile.conflict("resolution.action-items-open", "联席会议交办的任务尚未完成，不能办结："
                + String.join("、", openActionItems), "Action items of a joint meeting are still open: "
                + String.join(", ", openActionItems));
        }
        Limit resolution = c.clocks.resolution().orElseThrow();
        boolean within = !now.isAfter(resolution.dueAt());
        c.clocks.stop(resolution.id(), now);
        Instant callbackDue = time.plusWorkingDays(now, CALLBACK_WORKING_DAYS, WorkingTime.OFFICE_HOURS);
        Remedy given = remedy == null ? Remedy.NONE : remedy;
        c.resolutions.add(new Resolution(c.round(), now, caller.username(), kind, explanation, given, within,
            callbackDue));
        c.moveTo(CaseStatus.RESOLVED, now, time);
        c.pendingEvents.add(new GrievanceResolved(c.id, c.round(), c.lead(), kind, explanation,
            GrievanceResolved.RemedyData.of(given), now, resolution.dueAt(), within, callbackDue, List.copyOf(c.stages),
            WorkerStage.RESOLVED));
        c.record(now, caller.username(), "RESOLVED", Map.of("kind", kind.name(), "withinLimit", Boolean.toString(within),
            "round", Integer.toString(c.round())));
    }

    static void superviseManually(CaseFile c, Caller caller, OrganisationRef byOrganisation, String instructions,
                                  Instant replyDueAt, Hierarchy hierarchy, Instant now, WorkingTime time) {
        requireAssigned(c);
        if (!c.status.isOpen()) {
            throw finished(c);
        }
        if (!replyDueAt.isAfter(now)) {
            throw new InvalidFieldsException(List.of(new FieldProblem("replyDueAt", "replyDueAt.past",
                "应晚于当前时间", "must be in the future")));
        }
        int n = c.supervision.manual().size() + 1;
        String limitId = "SUPERVISION-" + n;
        Limit limit = c.clocks.addReplyLimit(limitId, now, replyDueAt, c.hours, time);
        ManualSupervision supervision = new ManualSupervision(c.id + "/" + limitId, limitId, now, caller.username(),
            byOrganisation, instructions, replyDueAt, null, null, null);
        c.pendingEvents.add(c.supervision.supervise(c.subject(), supervision, hierarchy, limit));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("replyDueAt", replyDueAt.toString());
        params.put("instructions", instructions);
        if (byOrganisation != null) {
            params.put("by", byOrganisation.name());
        }
        c.record(now, caller.username(), "SUPERVISED", params);
    }

    static void replyToSupervision(CaseFile c, Caller caller, String supervisionId, String reply, Instant now) {
        requireLead(c, caller, "回复督办", "reply to the supervision");
        ManualSupervision supervision = c.supervision.manual(supervisionId).orElseThrow(() -> DomainException.notFound(
            "supervision.unknown", "没有编号为 " + supervisionId + " 的督办", "No supervision " + supervisionId));
        if (supervision.isAnswered()) {
            throw CaseFile.conflict("supervision.answered", "该督办已于 " + supervision.repliedAt() + " 回复",
                "This supervision was answered already, at " + supervision.repliedAt());
        }
        c.clocks.stop(supervision.limitId(), now);
        c.supervision.answered(supervision.answered(reply, now, caller.username()));
        c.progress.add(new ProgressNote(now, caller.username(), c.lead(), "LEAD", NoteKind.SUPERVISION_REPLY, reply,
            List.of()));
        c.pendingEvents.add(new ProgressRecorded(c.id, c.lead(), "LEAD", NoteKind.SUPERVISION_REPLY, reply, List.of(),
            now, resolutionDue(c), null));
        c.record(now, caller.username(), "SUPERVISION_REPLIED", Map.of("supervisionId", supervisionId));
    }

    private static Instant resolutionDue(CaseFile c) {
        return c.clocks.resolution().map(Limit::dueAt).orElse(null);
    }

    static void requireAssigned(CaseFile c) {
        if (c.handling == null) {
            throw CaseFile.conflict("case.not-assigned", "本诉求尚未派单", "This grievance has not been assigned yet");
        }
    }

    static void requireLead(CaseFile c, Caller caller, String actionZh, String actionEn) {
        requireAssigned(c);
        if (!c.handling.isLead(caller.organisationId())) {
            throw DomainException.forbidden("case.not-lead", "只有主办单位 " + c.lead().name() + " 可以" + actionZh,
                "Only the lead organisation " + c.lead().id() + " may " + actionEn);
        }
    }

    private static void requireBeingHandled(CaseFile c, String what, String actionZh, String actionEn) {
        switch (c.status) {
            case NEW, ASSIGNED -> throw notSignedFor(c, what);
            case SIGNED_FOR -> throw beforeFirstContact(what, actionZh, actionEn);
            case RESOLVED, CLOSED -> throw finished(c);
            default -> { }
        }
    }

    private static DomainException notSignedFor(CaseFile c, String what) {
        return CaseFile.conflict(what + ".not-signed-for", "本诉求尚未签收，请先在待办中签收",
            "This case has not been signed for; sign for it first");
    }

    private static DomainException beforeFirstContact(String what, String actionZh, String actionEn) {
        return CaseFile.conflict(what + ".before-first-contact", "须先联系职工（先行联系）才能" + actionZh,
            "The worker must be contacted first (first contact) before you " + actionEn);
    }

    static DomainException finished(CaseFile c) {
        return c.status == CaseStatus.CLOSED
            ? CaseFile.conflict("case.closed", "本诉求已结案", "This case is closed")
            : CaseFile.conflict("case.resolved", "本诉求已办结，等待回访", "This case is resolved and awaits the callback");
    }
}
