package cn.huiyin.platform.service.store;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a service waits for its MongoDB ({@code huiyin.mongodb.timeouts.*}). A store that stops answering must
 * turn into fast failures (a 503 to the caller, an exception the consumer's back-off handles, readiness DOWN), never
 * into threads that wait for ever.
 *
 * @param connect         opening a connection (also the monitor's heartbeat connect and read time)
 * @param serverSelection finding a server to talk to, e.g. while the store restarts or a new primary is elected
 * @param operation       a whole operation, retries included (the driver's client-side {@code timeoutMS})
 * @param health          the readiness check's own command, shorter so a probe answers before it gives up
 */
@ConfigurationProperties("huiyin.mongodb.timeouts")
public record StoreTimeouts(
    @DefaultValue("2s") Duration connect,
    @DefaultValue("5s") Duration serverSelection,
    @DefaultValue("10s") Duration operation,
    @DefaultValue("2s") Duration health) {
}
