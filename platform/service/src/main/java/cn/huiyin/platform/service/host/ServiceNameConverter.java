package cn.huiyin.platform.service.host;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %service} in the host's log pattern: the service a line comes from, known by the class loader of the thread
 * that logs it. Every thread a service starts inherits its main thread's loader, which {@link ServiceHost} names after
 * the service, or has a loader below it (Tomcat's, while it serves a request); threads of the host itself show
 * {@code host}.
 */
public class ServiceNameConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        for (ClassLoader loader = Thread.currentThread().getContextClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader.getName() != null && ServiceHost.isServiceLoader(loader)) {
                return loader.getName();
            }
        }
        return "host";
    }
}
