package cn.huiyin.console;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Started by the embedded stack's launcher ({@code huiyin.embedded.parent-pid}), the console exits when the launcher
 * is gone, as the services do; it is not built on the platform's service skeleton (no MongoDB, Kafka or
 * resource-server security), hence this watch of its own.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("huiyin.embedded.parent-pid")
class LauncherWatch {

    private static final Logger log = LoggerFactory.getLogger(LauncherWatch.class);

    @Bean
    ApplicationRunner exitWithTheLauncher(@Value("${huiyin.embedded.parent-pid}") long launcherPid,
                                          ConfigurableApplicationContext context) {
        return arguments -> {
            Optional<ProcessHandle> launcher = ProcessHandle.of(launcherPid);
            CompletableFuture<?> gone = launcher.isPresent() ? launcher.get().onExit()
                : CompletableFuture.completedFuture(null);
            gone.thenRun(() -> {
                log.warn("The embedded stack's launcher (pid {}) is gone; shutting down", launcherPid);
                System.exit(SpringApplication.exit(context, () -> 0));
            });
        };
    }
}
