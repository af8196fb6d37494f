package cn.huiyin.platform.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.huiyin.platform.messaging.EventCatalog;
import cn.huiyin.platform.messaging.EventJson;
import cn.huiyin.platform.messaging.MessagingAutoConfiguration;
import cn.huiyin.platform.test.RecordingKafkaConsumer;
import cn.huiyin.platform.test.TestInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;

class OutboxTest {

    private static final TestInfrastructure infrastructure = TestInfrastructure.get();
    /** Longer than any write of these tests takes; short, so drained markers go within the tests' patience. */
    private static final Duration MARKER_GRACE = Duration.ofSeconds(2);

    /** How long this test's instance holds a claim on an aggregate's events. */
    private static final Duration CLAIM = Duration.ofSeconds(10);

    private final String topic = "huiyin.test.parcel." + UUID.randomUUID();
    private final Clock clock = Clock.systemUTC();
    private final OutboxProperties properties = new OutboxProperties(50, Duration.ofSeconds(6),
        Duration.ofMillis(300), Duration.ofMillis(100), MARKER_GRACE, CLAIM, Duration.ofMillis(100),
        Duration.ofSeconds(1), 3, (short) 1);

    private MongoClient client;
    private MongoTemplate mongo;
    private Admin admin;
    private OutboxMarkers markers;
    private StateChangeAudit audit;
    private OutboxRelay relay;
    private AggregateStore store;
    private RecordingKafkaConsumer reader;

    @BeforeEach
    void setUp() {
        client = MongoClients.create(infrastructure.mongoUri());
        mongo = new MongoTemplate(client, "outbox-test-" + UUID.randomUUID().toString().substring(0, 8));
        admin = Admin.create(Map.of("bootstrap.servers", infrastructure.kafkaBootstrapServers()));
        markers = new OutboxMarkers(mongo, clock, clock, CLAIM);
        audit = new StateChangeAudit(mongo);
        EventCatalog catalog = EventCatalog.builder()
            .event(Parcel.Registered.class, "cn.huiyin.test.ParcelRegistered.v1", topic)
            .event(Parcel.Moved.class, "cn.huiyin.test.ParcelMoved.v1", topic)
            .build();
        relay = newRelay();
        store = new AggregateStore(mongo, catalog, new EventJson(), markers, relay, "/huiyin/test", clock,
            () -> "clerk-007");
        reader = new RecordingKafkaConsumer(infrastructure.kafkaBootstrapServers(), topic);
    }

    @AfterEach
    void tearDown() {
        relay.destroy();
        reader.close();
        admin.close();
        mongo.getDb().drop();
        client.close();
    }

    /** A plain domain object, as services keep them, stored in a {@link Parcel} document. */
    static final class Shipment {
        private final String id;
        private String state;
        private final List<Object> raised = new ArrayList<>();

        Shipment(String id, String state) {
            this.id = id;
            this.state = state;
        }

        static Shipment registered(String id) {
            Shipment shipment = new Shipment(id, "REGISTERED");
            shipment.raised.add(new Parcel.Registered(id, "REGISTERED"));
            return shipment;
        }

        void move(int step) {
            state = "STEP-" + step;
            raised.add(new Parcel.Moved(id, state, step));
        }

        String id() {
            return id;
        }

        List<Object> pendingEvents() {
            return List.copyOf(raised);
        }

        Parcel toDocument(long version) {
            Parcel parcel = new Parcel(id, state);
            parcel.setVersion(version);
            return parcel;
        }
    }

    @Test
    void anAggregateSavedAgainAndAgainStoresEachOfItsEventsOnceAndKeepsItsVersion() {
        relay.start();
        Aggregates<Shipment, Parcel> shipments = new Aggregates<>(store, Parcel.class, Shipment::id,
            Shipment::pendingEvents, Shipment::toDocument, parcel -> new Shipment(parcel.getId(), parcel.getState()));
        Shipment shipment = Shipment.registered("P-9");

        assertThat(shipments.addIfAbsent(shipment)).isTrue();
        shipment.move(1);
        shipments.update(shipment);
        shipment.move(2);
        shipments.update(shipment);

        List<ConsumerRecord<String, byte[]>> records = reader.await(r -> true, 3, Duration.ofSeconds(20));
        assertThat(records).extracting(r -> header(r, "ce_type")).containsExactly("cn.huiyin.test.ParcelRegistered.v1",
            "cn.huiyin.test.ParcelMoved.v1", "cn.huiyin.test.ParcelMoved.v1");
        assertThat(reader.drain(r -> true, Duration.ofSeconds(1))).hasSize(3);
        assertThat(mongo.findById("P-9", Parcel.class).getVersion()).isEqualTo(2);
        assertThat(shipments.addIfAbsent(Shipment.registered("P-9"))).as("the id is taken").isFalse();
        assertThatThrownBy(() -> shipments.update(Shipment.registered("P-10"))).isInstanceOf(IllegalStateException.class);
        Shipment stale = shipments.find("P-9").orElseThrow();
        shipment.move(3);
        shipments.update(shipment);
        stale.move(9);
        assertThatThrownBy(() -> shipments.update(stale)).isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void oneAggregatesEventsArriveOnceEachInTheOrderTheyWereRaisedWithTheIdAsKey() {
        relay.start();
        Parcel parcel = store.insert(new Parcel("P-1", "REGISTERED"), List.of(new Parcel.Registered("P-1", "REGISTERED")));
        for (int step = 1; step <= 5; step++) {
            parcel.setState("STEP-" + step);
            store.update(parcel, List.of(new Parcel.Moved("P-1", "STEP-" + step, step)));
        }

        List<ConsumerRecord<String, byte[]>> records = reader.await(r -> true, 6, Duration.ofSeconds(20));

        assertThat(records).extracting(ConsumerRecord::key).containsOnly("P-1");
        assertThat(records).extracting(r -> new String(r.value(), StandardCharsets.UTF_8)).containsExactly(
            "{\"parcelId\":\"P-1\",\"state\":\"REGISTERED\"}",
            "{\"parcelId\":\"P-1\",\"state\":\"STEP-1\",\"step\":1}",
            "{\"parcelId\":\"P-1\",\"state\":\"STEP-2\",\"step\":2}",
            "{\"parcelId\":\"P-1\",\"state\":\"STEP-3\",\"step\":3}",
            "{\"parcelId\":\"P-1\",\"state\":\"STEP-4\",\"step\":4}",
            "{\"parcelId\":\"P-1\",\"state\":\"STEP-5\",\"step\":5}");
        assertThat(header(records.get(0), "ce_type")).isEqualTo("cn.huiyin.test.ParcelRegistered.v1");
        assertThat(header(records.get(1), "ce_subject")).isEqualTo("P-1");
        assertThat(header(records.get(1), "ce_source")).isEqualTo("/huiyin/test");
        assertThat(records.stream().map(r -> header(r, "ce_id")).distinct()).hasSize(6);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(mongo.findById("P-1", Parcel.class).getOutbox()).isEmpty();
            assertThat(markers.count()).isZero();
        });
        assertThat(reader.drain(r -> true, Duration.ofSeconds(1))).hasSize(6);
    }

    @Test
    void aRelayStoppedAndStartedAgainKeepsPublishing() {
        relay.start();
        store.insert(new Parcel("P-7", "REGISTERED"), List.of(new Parcel.Registered("P-7", "REGISTERED")));
        reader.await(r -> "P-7".equals(r.key()), 1, Duration.ofSeconds(20));

        relay.stop();
        relay.start();
        store.insert(new Parcel("P-8", "REGISTERED"), List.of(new Parcel.Registered("P-8", "REGISTERED")));

        assertThat(reader.await(r -> "P-8".equals(r.key()), 1, Duration.ofSeconds(20))).hasSize(1);
    }

    @Test
    void aRelayStoppedWhileWaitingForTheBrokerLeavesQuietlyAndItsEventsGoAfterTheNextStart() throws Exception {
        relay.destroy();
        java.util.concurrent.CountDownLatch waiting = new java.util.concurrent.CountDownLatch(1);
        relay = newRelay(gatedOnFlush(waiting, new java.util.concurrent.CountDownLatch(1)));
        store.insert(new Parcel("P-30", "REGISTERED"), List.of(new Parcel.Registered("P-30", "REGISTERED")));
        relay.start();
        assertThat(waiting.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        relay.stop();

        // A stop is not a broker outage: nothing reported, and the event stays in its document.
        assertThat(relay.brokerUnreachableSince()).isNull();
        org.bson.Document stored = mongo.getCollection("parcels").find(new org.bson.Document("_id", "P-30")).first();
        assertThat(stored.getList("outbox", org.bson.Document.class)).hasSize(1);
        relay.destroy();
        relay = newRelay();
        relay.start();
        assertThat(reader.await(r -> "P-30".equals(r.key()), 1, Duration.ofSeconds(20))).isNotEmpty();
    }

    @Test
    void aChangeBasedOnAStaleReadIsRefusedAndItsEventIsNeverPublished() {
        relay.start();
        store.insert(new Parcel("P-2", "REGISTERED"), List.of(new Parcel.Registered("P-2", "REGISTERED")));
        Parcel first = mongo.findById("P-2", Parcel.class);
        Parcel second = mongo.findById("P-2", Parcel.class);
        first.setState("ACCEPTED");
        store.update(first, List.of(new Parcel.Moved("P-2", "ACCEPTED", 1)));

        second.setState("RETURNED");
        assertThatThrownBy(() -> store.update(second, List.of(new Parcel.Moved("P-2", "RETURNED", 1))))
            .isInstanceOf(OptimisticLockingFailureException.class);

        assertThat(mongo.findById("P-2", Parcel.class).getState()).isEqualTo("ACCEPTED");
        List<ConsumerRecord<String, byte[]>> records = reader.drain(r -> true, Duration.ofSeconds(3));
        assertThat(records).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
            .noneMatch(value -> value.contains("RETURNED"))
            .hasSize(2);
    }

    @Test
    void aFieldThatBecameEmptyIsRemovedFromTheStoredDocument() {
        relay.start();
        Parcel parcel = new Parcel("P-3", "REGISTERED");
        parcel.setNote("fragile");
        store.insert(parcel, List.of());
        parcel.setNote(null);
        store.update(parcel, List.of());

        Parcel read = mongo.findById("P-3", Parcel.class);
        assertThat(read.getNote()).isNull();
        assertThat(read.getVersion()).isEqualTo(1);
    }

    @Test
    void eventsRaisedWhileTheBrokerIsDownArePublishedOnceItIsBack() {
        relay.start();
        store.insert(new Parcel("P-warmup", "REGISTERED"), List.of(new Parcel.Registered("P-warmup", "REGISTERED")));
        reader.await(r -> true, 1, Duration.ofSeconds(20));

        infrastructure.kafka().interrupt();
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 30; i++) {
                String id = "P-outage-" + i;
                ids.add(id);
                store.insert(new Parcel(id, "REGISTERED"), List.of(new Parcel.Registered(id, "REGISTERED")));
            }
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> relay.brokerUnreachableSince() != null);
            assertThat(mongo.findById("P-outage-0", Parcel.class).getOutbox()).hasSize(1);
        } finally {
            infrastructure.kafka().resume();
        }

        List<ConsumerRecord<String, byte[]>> records = reader.await(r -> r.key().startsWith("P-outage-"), 30,
            Duration.ofSeconds(60));
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(reader.drain(r -> r.key().startsWith("P-outage-"), Duration.ofSeconds(2))).hasSize(30);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(markers.count()).isZero());
    }

    @Test
    void eventsLeftBehindByACrashedProcessArePublishedByTheNextOne() {
        // A process wrote the aggregate and its marker, then died before its relay saw them.
        Parcel orphan = new Parcel("P-4", "REGISTERED");
        orphan.setOutbox(new ArrayList<>(List.of(new OutboxEvent("e-orphan-1", "/huiyin/test",
            "cn.huiyin.test.ParcelRegistered.v1", topic, "P-4", Instant.parse("2026-12-02T02:00:00Z"), "{\"parcelId\":\"P-4\"}", "clerk-007", null, null))));
        markers.touch("parcels", "P-4");
        mongo.insert(orphan);

        relay.start();

        List<ConsumerRecord<String, byte[]>> records = reader.await(r -> true, 1, Duration.ofSeconds(20));
        assertThat(records).singleElement().satisfies(r -> assertThat(header(r, "ce_id")).isEqualTo("e-orphan-1"));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(mongo.findById("P-4", Parcel.class).getOutbox()).isEmpty();
            assertThat(markers.count()).isZero();
        });
    }

    @Test
    void eventsAnotherLiveInstanceClaimedAreLeftToItUntilItStops() {
        // Another instance wrote the aggregate (claiming it with its marker) and its relay has not got to it yet.
        OutboxMarkers other = new OutboxMarkers(mongo, clock, clock, Duration.ofMinutes(5));
        orphan("P-31", "e-claimed-31", other);
        relay.start();

        // This relay's sweeps (every 300 ms) find the marker and leave the events to their claimant.
        assertThat(reader.drain(r -> true, Duration.ofMillis(1500))).isEmpty();
        assertThat(mongo.findById("P-31", Parcel.class).getOutbox()).hasSize(1);

        other.releaseClaims(); // the other instance stops
        assertThat(reader.await(r -> true, 1, Duration.ofSeconds(20))).singleElement()
            .satisfies(r -> assertThat(header(r, "ce_id")).isEqualTo("e-claimed-31"));
    }

    @Test
    void aClaimOfAnInstanceThatDiedExpiresAndItsEventsArePublishedOnce() {
        OutboxMarkers crashed = new OutboxMarkers(mongo, clock, clock, Duration.ofSeconds(1));
        orphan("P-32", "e-claimed-32", crashed);
        relay.start();

        assertThat(reader.await(r -> true, 1, Duration.ofSeconds(20))).singleElement()
            .satisfies(r -> assertThat(header(r, "ce_id")).isEqualTo("e-claimed-32"));
        assertThat(reader.drain(r -> true, Duration.ofSeconds(1))).hasSize(1);
    }

    @Test
    void twoInstancesThatBothFindTheSameEventsPublishThemOnce() throws Exception {
        // Two instances of one service on one database. This one wrote twenty aggregates but its relay is busy; the
        // other's sweep finds them, and the other's broker is slow to acknowledge.
        java.util.concurrent.CountDownLatch flushing = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch acknowledge = new java.util.concurrent.CountDownLatch(1);
        OutboxRelay other = new OutboxRelay(mongo, new OutboxMarkers(mongo, clock, clock, CLAIM), audit,
            gatedOnFlush(flushing, acknowledge), new TopicProvisioner(admin, List.of(topic), 3, (short) 1),
            CircuitBreaker.of("other", MessagingAutoConfiguration.PUBLISHER_DEFAULTS), properties,
            new SimpleMeterRegistry(), clock);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add("P-both-" + i);
            store.insert(new Parcel(ids.get(i), "REGISTERED"), List.of(new Parcel.Registered(ids.get(i), "REGISTERED")));
        }
        try {
            other.start();
            flushing.await(2, java.util.concurrent.TimeUnit.SECONDS); // several of its sweeps (every 300 ms)
            relay.start();
            reader.await(r -> r.key().startsWith("P-both-"), 20, Duration.ofSeconds(20));
            acknowledge.countDown();

            assertThat(reader.drain(r -> r.key().startsWith("P-both-"), Duration.ofSeconds(3)))
                .extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(ids);
        } finally {
            acknowledge.countDown();
            other.destroy();
        }
    }

    /** An aggregate holding one event, left by a process whose markers are {@code writer}'s. */
    private void orphan(String id, String eventId, OutboxMarkers writer) {
        Parcel orphan = new Parcel(id, "REGISTERED");
        orphan.setOutbox(new ArrayList<>(List.of(new OutboxEvent(eventId, "/huiyin/test",
            "cn.huiyin.test.ParcelRegistered.v1", topic, id, Instant.parse("2026-12-02T02:00:00Z"),
            "{\"parcelId\":\"" + id + "\"}", "clerk-007", null, null))));
        writer.touch("parcels", id);
        mongo.insert(orphan);
    }

    @Test
    void everyEventIsInTheAuditTrailOnceWithWhoCausedIt() {
        relay.start();
        Parcel parcel = store.insert(new Parcel("P-5", "REGISTERED"), List.of(new Parcel.Registered("P-5", "REGISTERED")));
        parcel.setState("MOVED");
        store.update(parcel, List.of(new Parcel.Moved("P-5", "MOVED", 1)));
        reader.await(r -> true, 2, Duration.ofSeconds(20));

        List<org.bson.Document> entries = mongo.getCollection(StateChangeAudit.COLLECTION)
            .find(new org.bson.Document("grievanceId", "P-5")).into(new ArrayList<>());

        assertThat(entries).extracting(e -> e.getString("action")).containsExactlyInAnyOrder("ParcelRegistered", "ParcelMoved");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.getString("actor")).isEqualTo("clerk-007");
            assertThat(e.getString("kind")).isEqualTo("STATE_CHANGE");
            assertThat(e.getDate("at")).isNotNull();
        });
    }

    @Test
    void theRelayFillsInAuditEntriesAProcessDidNotWriteBeforeItDied() {
        Parcel orphan = new Parcel("P-6", "REGISTERED");
        orphan.setOutbox(new ArrayList<>(List.of(new OutboxEvent("e-orphan-6", "/huiyin/test",
            "cn.huiyin.test.ParcelRegistered.v1", topic, "P-6", Instant.parse("2026-12-02T02:00:00Z"), "{\"parcelId\":\"P-6\"}", "clerk-009", null, null))));
        markers.touch("parcels", "P-6");
        mongo.insert(orphan);

        relay.start();
        reader.await(r -> true, 1, Duration.ofSeconds(20));

        org.bson.Document entry = mongo.getCollection(StateChangeAudit.COLLECTION)
            .find(new org.bson.Document("_id", "e-orphan-6")).first();
        assertThat(entry).isNotNull();
        assertThat(entry.getString("actor")).isEqualTo("clerk-009");
        assertThat(mongo.getCollection(StateChangeAudit.COLLECTION).countDocuments()).isEqualTo(1);
    }

    @Test
    void eachEventCarriesItsAggregateAndItsNumberAmongTheAggregatesEvents() {
        relay.start();
        Parcel parcel = store.insert(new Parcel("P-20", "REGISTERED"), List.of(new Parcel.Registered("P-20", "REGISTERED")));
        parcel.setState("STEP-1");
        store.update(parcel, List.of(new Parcel.Moved("P-20", "STEP-1", 1), new Parcel.Moved("P-20", "STEP-2", 2)));
        Parcel reread = mongo.findById("P-20", Parcel.class);
        reread.setState("STEP-3");
        store.update(reread, List.of(new Parcel.Moved("P-20", "STEP-3", 3)));

        List<ConsumerRecord<String, byte[]>> records = reader.await(r -> true, 4, Duration.ofSeconds(20));

        assertThat(records).extracting(r -> header(r, "ce_sequence")).containsExactly(
            "0000000000000000001", "0000000000000000002", "0000000000000000003", "0000000000000000004");
        assertThat(records).extracting(r -> header(r, "ce_aggregateid")).containsOnly("P-20");
        assertThat(mongo.findById("P-20", Parcel.class).getEventSequence()).isEqualTo(4);
    }

    @Test
    void aBatchThatFailsIsSentAgainWholeAndNeverOvertakenByALaterEvent() {
        // The broker refuses the first batch (a time-out): both events of P-21 were in it.
        relay.destroy();
        List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        relay = newRelay(refusingFirstBatch(calls));
        Parcel parcel = store.insert(new Parcel("P-21", "REGISTERED"), List.of(new Parcel.Registered("P-21", "REGISTERED")));
        parcel.setState("STEP-1");
        store.update(parcel, List.of(new Parcel.Moved("P-21", "STEP-1", 1)));
        relay.start();

        List<ConsumerRecord<String, byte[]>> records = reader.await(r -> true, 2, Duration.ofSeconds(20));

        assertThat(records).extracting(r -> header(r, "ce_type"))
            .containsExactly("cn.huiyin.test.ParcelRegistered.v1", "cn.huiyin.test.ParcelMoved.v1");
        assertThat(reader.drain(r -> true, Duration.ofSeconds(1))).hasSize(2);
        // Both events were handed to the producer before it was told to send, in one batch, each time.
        assertThat(calls).startsWith("send cn.huiyin.test.ParcelRegistered.v1", "send cn.huiyin.test.ParcelMoved.v1",
            "flush", "send cn.huiyin.test.ParcelRegistered.v1", "send cn.huiyin.test.ParcelMoved.v1", "flush");
    }

    @Test
    void aWriteStillInFlightWhenTheRelayLookedKeepsItsMarkerAndIsPublishedAfterACrash() {
        // A writer touched the marker and is about to write; the relay looks at the aggregate before the write lands.
        relay.start();
        mongo.insert(new Parcel("P-22", "REGISTERED"));
        markers.touch("parcels", "P-22");
        relay.schedule("parcels", "P-22");
        await().atMost(Duration.ofSeconds(5)).until(() -> relay.queued() == 0);
        sleep(Duration.ofMillis(300));
        // The write lands with its event; the writer's process dies before it can tell its relay.
        mongo.getCollection("parcels").updateOne(new org.bson.Document("_id", "P-22"), new org.bson.Document("$push",
            new org.bson.Document("outbox", new org.bson.Document("eventId", "e-in-flight").append("source", "/huiyin/test")
                .append("type", "cn.huiyin.test.ParcelMoved.v1").append("topic", topic).append("subject", "P-22")
                .append("data", "{\"parcelId\":\"P-22\"}").append("actor", "clerk-007"))));
        relay.destroy();

        relay = newRelay();
        relay.start();

        assertThat(reader.await(r -> "P-22".equals(r.key()), 1, Duration.ofSeconds(20)))
            .singleElement().satisfies(r -> assertThat(header(r, "ce_id")).isEqualTo("e-in-flight"));
    }

    /**
     * A producer that fails every send before its first flush, as a broker refusing that batch would, and records the
     * calls it gets.
     */
    @SuppressWarnings("unchecked")
    private Producer<String, byte[]> refusingFirstBatch(List<String> calls) {
        Producer<String, byte[]> real = kafkaProducer();
        java.util.concurrent.atomic.AtomicBoolean flushed = new java.util.concurrent.atomic.AtomicBoolean();
        return (Producer<String, byte[]>) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Producer.class}, (proxy, method, args) -> {
                if (method.getName().equals("flush")) {
                    calls.add("flush");
                    flushed.set(true);
                }
                if (method.getName().equals("send") && args.length == 1) {
                    calls.add("send " + header((ProducerRecord<String, byte[]>) args[0], "ce_type"));
                    if (!flushed.get()) {
                        return java.util.concurrent.CompletableFuture.failedFuture(
                            new org.apache.kafka.common.errors.TimeoutException("batch refused by the test"));
                    }
                }
                try {
                    return method.invoke(real, args);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    }

    /**
     * A producer whose flush says so on {@code flushing} and waits for {@code acknowledge} (or until the caller is
     * interrupted), as one waiting on a slow or silent broker would.
     */
    @SuppressWarnings("unchecked")
    private Producer<String, byte[]> gatedOnFlush(java.util.concurrent.CountDownLatch flushing,
                                                  java.util.concurrent.CountDownLatch acknowledge) {
        Producer<String, byte[]> real = kafkaProducer();
        return (Producer<String, byte[]>) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Producer.class}, (proxy, method, args) -> {
                if (method.getName().equals("flush")) {
                    flushing.countDown();
                    try {
                        acknowledge.await();
                    } catch (InterruptedException e) {
                        throw new org.apache.kafka.common.errors.InterruptException(e);
                    }
                }
                try {
                    return method.invoke(real, args);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        var found = record.headers().lastHeader(name);
        return found == null ? null : new String(found.value(), StandardCharsets.UTF_8);
    }

    private OutboxRelay newRelay() {
        return newRelay(kafkaProducer());
    }

    private OutboxRelay newRelay(Producer<String, byte[]> producer) {
        return new OutboxRelay(mongo, markers, audit, producer, new TopicProvisioner(admin, List.of(topic), 3, (short) 1),
            CircuitBreaker.of("test", MessagingAutoConfiguration.PUBLISHER_DEFAULTS), properties,
            new SimpleMeterRegistry(), clock);
    }

    private static Producer<String, byte[]> kafkaProducer() {
        return new KafkaProducer<>(Map.<String, Object>of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000),
            new StringSerializer(), new ByteArraySerializer());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

}
