package cn.huiyin.console.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import cn.huiyin.console.application.Answer;
import cn.huiyin.console.application.Service;
import cn.huiyin.console.application.ServiceUnavailable;
import cn.huiyin.console.application.Services;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A page is made of parts, each from one service. A part whose service is down shows a message in its place (the
 * model attribute {@code <name>Down} names the service); the rest of the page still works.
 *
 * <p>A page whose parts come from independent calls {@link #prefetch starts} them together, so the page waits for the
 * slowest call rather than for their sum; each call still goes through the same time-out and circuit breaker.
 */
public final class PageParts {

    /** Calls in flight for pages; a call waits here at most its time-out. Daemon threads: they never hold the JVM up. */
    private static final ExecutorService CALLS = Executors.newFixedThreadPool(16, task -> {
        Thread thread = new Thread(task, "page-part");
        thread.setDaemon(true);
        return thread;
    });

    private final Services services;
    private final Model model;
    private final Map<String, CompletableFuture<Answer>> started = new HashMap<>();

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

    /**
     * Starts the call of a part now, as the signed-in user of this request (its security context and request are
     * handed to the calling thread); {@link #list} or {@link #one} with the same service and path takes its answer.
     */
    public PageParts prefetch(Service service, String path) {
        SecurityContext security = SecurityContextHolder.getContext();
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        started.put(service + " " + path, CompletableFuture.supplyAsync(() -> {
            SecurityContextHolder.setContext(security);
            RequestContextHolder.setRequestAttributes(request);
            try {
                return services.get(service, path);
            } finally {
                RequestContextHolder.resetRequestAttributes();
                SecurityContextHolder.clearContext();
            }
        }, CALLS));
        return this;
    }

    private Answer answer(String name, Service service, String path) {
        try {
            return call(service, path);
        } catch (ServiceUnavailable down) {
            model.addAttribute(name + "Down", down.service());
            return null;
        }
    }

    private Answer call(Service service, String path) {
        CompletableFuture<Answer> call = started.remove(service + " " + path);
        if (call == null) {
            return services.get(service, path);
        }
        try {
            return call.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
