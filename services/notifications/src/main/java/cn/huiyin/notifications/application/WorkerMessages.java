package cn.huiyin.notifications.application;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import cn.huiyin.notifications.domain.Audience;
import cn.huiyin.notifications.domain.Template;
import cn.huiyin.notifications.domain.TemplateBook;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.kernel.FieldProblem;
import cn.huiyin.platform.kernel.InvalidFieldsException;
import cn.huiyin.platform.kernel.access.Caller;

/**
 * What staff do about a worker's messages, on the worker's word (at the window, on the hotline, at the callback):
 * record that the worker wants no more than the acceptance (退订) or wants messages again, and send a worker message
 * again (e.g. the acceptance a worker lost). Only for grievances in the caller's jurisdiction.
 */
public class WorkerMessages {

    private final GrievanceFactsStore facts;
    private final Consents consents;
    private final QueueNotifications queue;
    private final PreviewTemplates previews;
    private final TemplateBook templates;
    private final Clock clock;

    public WorkerMessages(GrievanceFactsStore facts, Consents consents, QueueNotifications queue,
                          PreviewTemplates previews, TemplateBook templates, Clock clock) {
        this.facts = facts;
        this.consents = consents;
        this.queue = queue;
        this.previews = previews;
        this.templates = templates;
        this.clock = clock;
    }

    public void setOptedOut(Caller caller, String grievanceId, boolean optedOut) {
        requireInReach(caller, grievanceId);
        consents.record(grievanceId, optedOut, clock.instant(), caller.username());
    }

    public boolean optedOut(Caller caller, String grievanceId) {
        requireInReach(caller, grievanceId);
        return consents.optedOut(grievanceId);
    }

    /**
     * Queues {@code templateId} to the worker again, once per {@code requestId}.
     *
     * @throws DomainException not found: unknown grievance or template, or one outside the caller's jurisdiction
     * @throws InvalidFieldsException a staff template, bad parameters, or a worker who opted out of this message
     */
    public PreviewTemplates.Preview send(Caller caller, String grievanceId, String templateId,
                                         Map<String, String> parameters, String requestId) {
        requireInReach(caller, grievanceId);
        PreviewTemplates.Preview preview = previews.preview(templateId, parameters);
        Template template = templates.get(templateId);
        if (template.audience() != Audience.WORKER) {
            throw new InvalidFieldsException(List.of(new FieldProblem("template", "NOT_FOR_WORKERS",
                "该模板是发给工作人员的，不能发给职工", "This template is for staff, not for workers")));
        }
        if (!TemplateBook.sentDespiteOptOut(templateId) && consents.optedOut(grievanceId)) {
            throw new InvalidFieldsException(List.of(new FieldProblem("grievanceId", "NO_CONSENT",
                "职工已退订通知短信，只能再次发送受理短信", "The worker opted out of messages; only the acceptance may be sent")));
        }
        queue.toWorker("request:" + requestId, grievanceId, templateId, parameters, clock.instant(), null);
        return preview;
    }

    private void requireInReach(Caller caller, String grievanceId) {
        GrievanceFacts known = facts.find(grievanceId).orElse(null);
        if (known == null || known.divisionCode() == null || !caller.covers(known.divisionCode())) {
            throw DomainException.notFound("grievance.unknown", "没有编号为 " + grievanceId + " 的诉求",
                "No grievance " + grievanceId);
        }
    }
}
