package cn.huiyin.platform.service.host;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.LoggerFactory;

/**
 * Several services of the embedded stack in one JVM (ADR 0035): each a Spring application of its own, with its own
 * configuration, port, database and consumer groups, loaded by a class loader of its own over only the jars that it has
 * and the others lack; the jars they all have are this JVM's class path, so their classes are loaded, verified and
 * compiled once and mapped from one class-data archive.
 *
 * <p>A service whose start fails ends the JVM with status 1: the launcher starts the whole host again, as it would a
 * service in a JVM of its own. Logging is this host's, one log for all, each line naming its service
 * ({@link ServiceNameConverter}): Spring Boot's logging system would reset the one shared logging context once per
 * service, concurrently.
 *
 * <p>Run as {@code java -cp <shared jars> cn.huiyin.platform.service.host.ServiceHost <plan>}; the plan is written by
 * the launcher ({@link HostPlan}).
 */
public final class ServiceHost {

    static final String LOGGING_CONFIGURATION = "huiyin-host-logback.xml";

    private ServiceHost() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: ServiceHost <plan file>");
            System.exit(2);
        }
        // Before anything logs: the first logger fixes logback's configuration.
        System.setProperty("logback.configurationFile", LOGGING_CONFIGURATION);
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        List<HostPlan.Service> services = HostPlan.read(Path.of(args[0]));
        // Logging starts here, on one thread: a line logged while it starts is replayed later by whichever thread
        // finishes starting it, which would name the wrong service.
        LoggerFactory.getLogger(ServiceHost.class).info("Starting {} in one JVM",
            services.stream().map(HostPlan.Service::name).toList());
        List<Thread> starts = new ArrayList<>();
        for (HostPlan.Service service : services) {
            starts.add(start(service));
        }
        for (Thread start : starts) {
            start.join();
        }
    }

    /** The service's main method on a thread of its own, whose class loader every thread the service makes inherits. */
    private static Thread start(HostPlan.Service service) {
        URLClassLoader loader = new URLClassLoader(service.name(), service.classPath().stream().map(ServiceHost::url)
            .toArray(URL[]::new), ServiceHost.class.getClassLoader());
        Thread thread = new Thread(() -> runMain(service, loader), service.name() + "-main");
        thread.setContextClassLoader(loader);
        thread.start();
        return thread;
    }

    private static void runMain(HostPlan.Service service, ClassLoader loader) {
        try {
            Class<?> main = Class.forName(service.mainClass(), true, loader);
            main.getMethod("main", String[].class).invoke(null, (Object) service.arguments().toArray(String[]::new));
        } catch (InvocationTargetException e) {
            // Spring has logged why; the launcher restarts the host.
            System.err.println(service.name() + " failed to start: " + e.getCause());
            System.exit(1);
        } catch (ReflectiveOperationException | LinkageError e) {
            System.err.println(service.name() + " cannot be started: " + e);
            System.exit(1);
        }
    }

    /** True for the class loader of a service of this host (its parent is the host's own). */
    static boolean isServiceLoader(ClassLoader loader) {
        return loader instanceof URLClassLoader && loader.getParent() == ServiceHost.class.getClassLoader();
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (IOException e) {
            throw new IllegalArgumentException(jar + " is not a usable class path entry", e);
        }
    }
}
