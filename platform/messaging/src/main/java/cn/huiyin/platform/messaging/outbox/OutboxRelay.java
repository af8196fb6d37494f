package cn.huiyin.platform.messaging.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.Producer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Publishes the events waiting in aggregate documents, in order, and removes each from its document once the broker
 * has acknowledged it ({@code acks=all}, idempotent producer).
 *
 * <p>Work arrives two ways: {@link #schedule} right after a write (the fast path, usually milliseconds), and a sweep
 * of the {@link OutboxMarkers} at start-up and every few seconds (after a crash, or when another instance died). While
 * the broker is unreachable a circuit breaker opens and the relay backs off exponentially; nothing is dropped, as
 * every event stays in its document until it is acknowledged.
 *
 * <p>Order: one aggregate is handled by one round at a time, its events sent in array order ({@link PublishingWaves}:
 * consecutive events for one partition in one producer batch, the next batch only after that one was acknowledged),
 * and only the acknowledged prefix is removed. The idempotent producer keeps retried sends free of duplicates.
 *
 * <p>Instances: a round publishes only aggregates this instance has claimed in their markers ({@link OutboxMarkers}),
 * so several instances on one database do not publish the same events twice (ADR 0037).
 */
public class OutboxRelay implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private record Ref(String collection, String id) {
    }

    private final MongoTemplate mongo;
    private final OutboxMarkers markers;
    private final StateChangeAudit audit;
    private final Producer<String, byte[]> producer;
    private final TopicProvisioner topics;
    private final CircuitBreaker breaker;
    private final OutboxProperties properties;
    private final Clock clock;
    private final PublishingWaves waves;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workArrived = lock.newCondition();
    private final Set<Ref> queue = new LinkedHashSet<>();
    private final AtomicLong lastSweep = new AtomicLong();
    /** Markers of aggregates this relay drained while they were too young to remove. */
    private final Map<String, Drained> drainedYoung = new java.util.concurrent.ConcurrentHashMap<>();

    private record Drained(long touches, long atNanos) {
    }

    private final Counter published;
    private final Counter failures;
    private final Timer lag;

    private volatile boolean running;
    private volatile Thread worker;
    private volatile Instant brokerUnreachableSince;
    private Duration backoff;

    public OutboxRelay(MongoTemplate mongo, OutboxMarkers markers, StateChangeAudit audit, Producer<String, byte[]> producer,
                       TopicProvisioner topics, CircuitBreaker breaker, OutboxProperties properties,
                       MeterRegistry meters, Clock clock) {
        this.mongo = mongo;
        this.markers = markers;
        this.audit = audit;
        this.producer = producer;
        this.topics = topics;
        this.breaker = breaker;
        this.properties = properties;
        this.clock = clock;
        this.backoff = properties.initialBackoff();
        this.waves = new PublishingWaves(producer, properties.sendTimeout(), this::acknowledged);
        this.published = Counter.builder("huiyin.outbox.published").description("Events acknowledged by the broker")
            .register(meters);
        this.failures = Counter.builder("huiyin.outbox.publish.failures")
            .description("Publishing rounds that failed and were retried").register(meters);
        this.lag = Timer.builder("huiyin.outbox.lag").description("From an event's time to the broker's acknowledgement")
            .publishPercentiles(0.5, 0.99).register(meters);
        Gauge.builder("huiyin.outbox.queue", this, OutboxRelay::queued)
            .description("Aggregates waiting for the relay").register(meters);
    }

    /** Asks the relay to publish the pending events of one aggregate soon. */
    public void schedule(String collection, String aggregateId) {
        lock.lock();
        try {
            queue.add(new Ref(collection, aggregateId));
            workArrived.signal();
        } finally {
            lock.unlock();
        }
    }

    public int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Since when the broker has refused the relay's work, or null while it is reachable. */
    public Instant brokerUnreachableSince() {
        return brokerUnreachableSince;
    }

    public CircuitBreaker.State circuitState() {
        return breaker.getState();
    }

    @Override
    public void start() {
        running = true;
        Thread thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    /**
     * Stops publishing; {@link #start()} resumes it. Spring may stop and restart a context's lifecycle (its test
     * context cache pauses idle contexts), so the producer stays open until {@link #destroy()}.
     */
    @Override
    public void stop() {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(properties.sendTimeout().toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        worker = null;
    }

    /**
     * Closes the producer, waiting briefly for sends in flight (their events stay in the outbox if they fail), and
     * gives up this instance's claims so that another instance publishes what is left at once.
     */
    @Override
    public void destroy() {
        stop();
        producer.close(Duration.ofSeconds(5));
        try {
            markers.releaseClaims();
        } catch (RuntimeException e) {
            log.warn("Outbox claims not released ({}); they expire by themselves", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Start after the application's own beans and stop before them, so no write lands after the relay is gone. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    private void run() {
        while (running) {
            try {
                sweepIfDue();
                List<Ref> batch = nextBatch();
                if (batch.isEmpty()) {
                    continue;
                }
                try {
                    breaker.executeRunnable(() -> publish(batch));
                    recovered();
                } catch (CallNotPermittedException open) {
                    requeue(batch);
                    pause(Duration.ofMillis(breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1)));
                } catch (RuntimeException e) {
                    if (!running) {
                        return; // stopped mid-round: what was not acknowledged stays in its documents
                    }
                    failed(batch, e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                // The store itself failed (MongoDB unreachable): keep the thread alive and try again later.
                log.warn("Outbox relay round failed: {}", e.toString());
                try {
                    pause(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private List<Ref> nextBatch() throws InterruptedException {
        lock.lock();
        try {
            if (queue.isEmpty()) {
                workArrived.await(properties.sweepInterval().toMillis(), TimeUnit.MILLISECONDS);
            }
            List<Ref> batch = new ArrayList<>(Math.min(queue.size(), properties.batchSize()));
            var it = queue.iterator();
            while (it.hasNext() && batch.size() < properties.batchSize()) {
                batch.add(it.next());
                it.remove();
            }
            return batch;
        } finally {
            lock.unlock();
        }
    }

    private void publish(List<Ref> batch) {
        topics.ensureCreated();
        Map<String, List<String>> idsByCollection = new LinkedHashMap<>();
        batch.forEach(ref -> idsByCollection.computeIfAbsent(ref.collection(), c -> new ArrayList<>()).add(ref.id()));
        List<Ref> unfinished = new ArrayList<>();
        RuntimeException firstError = null;
        for (Map.Entry<String, List<String>> entry : idsByCollection.entrySet()) {
            try {
                publishCollection(entry.getKey(), entry.getValue(), unfinished);
            } catch (RuntimeException e) {
                entry.getValue().forEach(id -> unfinished.add(new Ref(entry.getKey(), id)));
                firstError = firstError == null ? e : firstError;
            }
        }
        if (!unfinished.isEmpty()) {
            requeue(unfinished);
            throw firstError != null ? firstError : new OutboxPublishException(unfinished.size());
        }
    }

    private void publishCollection(String collection, List<String> scheduled, List<Ref> unfinished) {
        Map<String, OutboxMarkers.Marker> markerById = markers.find(collection, scheduled);
        // Aggregates another live instance has claimed are its to publish (ADR 0037); if it dies, the sweep brings
        // them back here once its claim has expired.
        List<String> ids = markers.claim(collection, scheduled, markerById);
        if (ids.isEmpty()) {
            return;
        }
        Instant outboxReadAt = clock.instant();
        Map<String, List<OutboxEvent>> pending = new LinkedHashMap<>();
        for (Document document : mongo.getCollection(collection)
            .find(Filters.in("_id", ids)).projection(Projections.include("outbox"))) {
            pending.put(String.valueOf(document.get("_id")), readOutbox(document));
        }

        // The audit trail gets every event, in one write, before it can leave the outbox.
        audit.record(pending.values().stream().flatMap(List::stream).toList());
        Map<String, List<String>> acknowledged = waves.send(pending);

        // One bulk write removes what the broker acknowledged, one removes the markers of drained aggregates. A
        // marker is only removed if untouched since it was read (before the outbox) and older than the marker grace
        // at the time the outbox was read: a write touches the marker before it writes and finishes within the
        // grace, so a write still in flight when the outbox was read always keeps its marker.
        Instant removableBefore = outboxReadAt.minus(properties.markerGrace());
        List<WriteModel<Document>> pulls = new ArrayList<>();
        List<OutboxMarkers.Marker> drained = new ArrayList<>();
        for (String id : ids) {
            List<OutboxEvent> events = pending.getOrDefault(id, List.of());
            List<String> sent = acknowledged.getOrDefault(id, List.of());
            if (!sent.isEmpty()) {
                pulls.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.pullByFilter(
                    new Document("outbox", new Document("eventId", new Document("$in", sent))))));
            }
            OutboxMarkers.Marker marker = markerById.get(id);
            if (events.size() > sent.size()) {
                unfinished.add(new Ref(collection, id));
            } else if (marker != null && marker.touchedAt() != null && marker.touchedAt().isBefore(removableBefore)) {
                drained.add(marker);
                drainedYoung.remove(OutboxMarkers.markerId(collection, id));
            } else if (marker != null) {
                drainedYoung.put(OutboxMarkers.markerId(collection, id), new Drained(marker.touches(), System.nanoTime()));
            }
        }
        if (!pulls.isEmpty()) {
            mongo.getCollection(collection).bulkWrite(pulls, new BulkWriteOptions().ordered(false));
        }
        markers.removeAllIfUntouched(drained);
    }

    private void acknowledged(OutboxEvent event) {
        published.increment();
        if (event.time() != null) {
            Duration sinceWritten = Duration.between(event.time(), clock.instant());
            // A clock set back (tests, or a corrected host clock) would make it negative, which no timer takes.
            if (!sinceWritten.isNegative()) {
                lag.record(sinceWritten);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<OutboxEvent> readOutbox(Document document) {
        Object raw = document.get("outbox");
        if (!(raw instanceof List<?> list)) {
            return List.of();
        }
        List<OutboxEvent> events = new ArrayList<>(list.size());
        for (Object item : list) {
            Document e = (Document) item;
            Object time = e.get("time");
            Object sequence = e.get("sequence");
            events.add(new OutboxEvent(e.getString("eventId"), e.getString("source"), e.getString("type"),
                e.getString("topic"), e.getString("subject"), time instanceof Date date ? date.toInstant() : null,
                e.getString("data"), e.getString("actor"), e.getString("aggregateId"),
                sequence instanceof Number number ? number.longValue() : null));
        }
        return events;
    }

    private void sweepIfDue() {
        // Intervals on the monotonic clock: a clock moved by an administrator (or a test) must not stop the sweep.
        long now = System.nanoTime();
        if (lastSweep.get() != 0 && now - lastSweep.get() < properties.sweepInterval().toNanos()) {
            return;
        }
        lastSweep.set(now);
        Instant sweptAt = clock.instant();
        List<OutboxMarkers.Marker> stale = markers.olderThan(sweptAt.minus(properties.sweepGrace()));
        // A marker this relay drained itself and nobody touched since waits until it may be removed; the others
        // (a crashed process's, another instance's, or ones touched again) are looked at now.
        Instant removable = sweptAt.minus(properties.markerGrace());
        int recovered = 0;
        for (OutboxMarkers.Marker marker : stale) {
            if (markers.claimedByAnother(marker)) {
                continue;
            }
            Drained drained = drainedYoung.get(OutboxMarkers.markerId(marker.collection(), marker.aggregateId()));
            boolean ours = drained != null && drained.touches() == marker.touches();
            if (!ours || marker.touchedAt() == null || marker.touchedAt().isBefore(removable)) {
                schedule(marker.collection(), marker.aggregateId());
                recovered += ours ? 0 : 1;
            }
        }
        if (recovered > 0) {
            log.info("Outbox sweep found {} aggregate(s) that may hold events still to publish", recovered);
        }
        long forgetBefore = now - 2 * properties.markerGrace().toNanos();
        drainedYoung.values().removeIf(drained -> drained.atNanos() < forgetBefore);
    }

    private void requeue(List<Ref> refs) {
        lock.lock();
        try {
            queue.addAll(refs);
        } finally {
            lock.unlock();
        }
    }

    private void failed(List<Ref> batch, RuntimeException e) throws InterruptedException {
        failures.increment();
        requeue(batch);
        if (brokerUnreachableSince == null) {
            brokerUnreachableSince = clock.instant();
            log.warn("Cannot publish to Kafka ({}); events stay in their documents and will be retried", e.toString());
        }
        pause(backoff);
        backoff = backoff.multipliedBy(2).compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff()
            : backoff.multipliedBy(2);
    }

    private void recovered() {
        if (brokerUnreachableSince != null) {
            log.info("Publishing to Kafka again after {}", Duration.between(brokerUnreachableSince, clock.instant()));
            brokerUnreachableSince = null;
        }
        backoff = properties.initialBackoff();
    }

    private void pause(Duration duration) throws InterruptedException {
        Thread.sleep(Math.max(10, duration.toMillis()));
    }
}
