package cn.huiyin.notifications.domain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The message templates the service knows, by id (loaded from data, see {@code notifications/templates.json}). */
public final class TemplateBook {

    /** The one worker message sent even to a worker who opted out: it carries the tracking number. */
    public static final String WORKER_ACCEPTED = "WORKER_ACCEPTED";

    private final Map<String, Template> byId = new LinkedHashMap<>();

    public TemplateBook(List<Template> templates) {
        for (Template template : templates) {
            if (byId.putIfAbsent(template.id(), template) != null) {
                throw new IllegalArgumentException("Template " + template.id() + " is defined twice");
            }
        }
    }

    public Optional<Template> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Template get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("No template " + id));
    }

    public Collection<Template> all() {
        return byId.values();
    }

    /** Whether a worker who opted out still gets this message (only the acceptance with the tracking number). */
    public static boolean sentDespiteOptOut(String templateId) {
        return WORKER_ACCEPTED.equals(templateId);
    }
}
