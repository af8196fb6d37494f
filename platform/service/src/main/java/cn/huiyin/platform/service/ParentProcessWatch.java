package cn.huiyin.platform.service;

import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * A service started by the embedded stack's launcher ({@code huiyin.embedded.parent-pid}) shuts itself down when the
 * launcher is gone, however it went: otherwise a killed launcher would leave services running, holding their ports
 * and talking to a broker that no longer exists.
 */
public class ParentProcessWatch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ParentProcessWatch.class);
    private static final Duration INTERVAL = Duration.ofSeconds(2);

    private final long parentPid;
    private final ApplicationContext context;
    private volatile Thread watcher;

    public ParentProcessWatch(long parentPid, ApplicationContext context) {
        this.parentPid = parentPid;
        this.context = context;
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::watch, "parent-process-watch");
        thread.setDaemon(true);
        watcher = thread;
        thread.start();
    }

    private void watch() {
        while (watcher == Thread.currentThread()) {
            Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
            if (parent.isEmpty() || !parent.get().isAlive()) {
                log.warn("The embedded stack's launcher (pid {}) is gone; shutting down", parentPid);
                System.exit(SpringApplication.exit(context, () -> 0));
                return;
            }
            try {
                Thread.sleep(INTERVAL.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void stop() {
        Thread thread = watcher;
        watcher = null;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return watcher != null;
    }
}
