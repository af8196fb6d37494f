package cn.huiyin.console.web;

import java.util.List;
import java.util.Map;

import cn.huiyin.console.application.Answer;
import cn.huiyin.console.application.Service;
import cn.huiyin.console.application.ServiceUnavailable;
import cn.huiyin.console.application.Services;
import org.springframework.ui.Model;

/**
 * A page is made of parts, each from one service. A part whose service is down shows a message in its place (the
 * model attribute {@code <name>Down} names the service); the rest of the page still works.
 */
public final class PageParts {

    private final Services services;
    private final Model model;

    private PageParts(Services services, Model model) {
        this.services = services;
        this.model = model;
    }

    public static PageParts of(Services services, Model model) {
        return new PageParts(services, model);
    }

    /** The list under {@code field} of the answer, or nothing (the part shows why). */
    public List<Map<String, Object>> list(String name, Service service, String path, String field) {
        Answer answer = answer(name, service, path);
        return answer != null && answer.ok() ? answer.list(field) : List.of();
    }

    /** The object answered, or null when there is none (not found, not yours) or the service is down. */
    public Map<String, Object> one(String name, Service service, String path) {
        Answer answer = answer(name, service, path);
        return answer != null && answer.ok() ? answer.map() : null;
    }

    private Answer answer(String name, Service service, String path) {
        try {
            return services.get(service, path);
        } catch (ServiceUnavailable down) {
            model.addAttribute(name + "Down", down.service());
            return null;
        }
    }
}
