package cn.huiyin.triage.messaging;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import cn.huiyin.platform.messaging.outbox.OutboxProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code huiyin.triage.organisation.v1} forever ({@code retention.ms=-1}, not compacted): a consumer starting
 * from the beginning at any time rebuilds its view of the registry from the full history, which also shows when and
 * how each organisation changed. Created so if triage creates it, and its settings corrected if the topic already
 * exists (for instance created by the outbox relay, which knows no topic settings). Runs in the background until the
 * broker answers; nothing waits for it, since the events wait in their outboxes.
 */
@Component
class OrganisationTopic {

    private static final Logger log = LoggerFactory.getLogger(OrganisationTopic.class);

    static final Map<String, String> SETTINGS = Map.of(
        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
        TopicConfig.RETENTION_MS_CONFIG, "-1",
        TopicConfig.RETENTION_BYTES_CONFIG, "-1");

    private final Admin admin;
    private final OutboxProperties outbox;

    OrganisationTopic(Admin huiyinKafkaAdmin, OutboxProperties outbox) {
        this.admin = huiyinKafkaAdmin;
        this.outbox = outbox;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureInTheBackground() {
        Thread thread = new Thread(() -> {
            long pause = 1_000;
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    ensure();
                    return;
                } catch (RuntimeException e) {
                    log.warn("Cannot set up topic {} yet ({}); trying again in {} ms", TriageEvents.ORGANISATION_TOPIC,
                        e.getMessage(), pause);
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    return;
                }
                pause = Math.min(pause * 2, 60_000);
            }
        }, "organisation-topic");
        thread.setDaemon(true);
        thread.start();
    }

    void ensure() {
        try {
            try {
                admin.createTopics(List.of(new NewTopic(TriageEvents.ORGANISATION_TOPIC, outbox.partitions(),
                    outbox.replicationFactor()).configs(SETTINGS))).all().get(10, TimeUnit.SECONDS);
                log.info("Created topic {} (kept forever)", TriageEvents.ORGANISATION_TOPIC);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, TriageEvents.ORGANISATION_TOPIC);
            Config current = admin.describeConfigs(List.of(topic)).all().get(10, TimeUnit.SECONDS).get(topic);
            List<AlterConfigOp> changes = SETTINGS.entrySet().stream()
                .filter(setting -> !Optional.ofNullable(current.get(setting.getKey())).map(ConfigEntry::value)
                    .orElse("").equals(setting.getValue()))
                .map(setting -> new AlterConfigOp(new ConfigEntry(setting.getKey(), setting.getValue()),
                    AlterConfigOp.OpType.SET))
                .toList();
            if (!changes.isEmpty()) {
                admin.incrementalAlterConfigs(Map.of(topic, changes)).all().get(10, TimeUnit.SECONDS);
                log.info("Topic {} now kept forever", TriageEvents.ORGANISATION_TOPIC);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
