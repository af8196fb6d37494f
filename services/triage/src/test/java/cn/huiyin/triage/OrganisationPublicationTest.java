package cn.huiyin.triage;

import static cn.huiyin.triage.TriageTestKit.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestInfrastructure;
import cn.huiyin.triage.application.OrganisationStore;
import cn.huiyin.triage.application.Registry;
import cn.huiyin.triage.domain.Organisation;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationRunner;
import tools.jackson.databind.JsonNode;

/**
 * Triage publishes its organisation registry on {@code huiyin.triage.organisation.v1} for every service that keeps a
 * view of it: each organisation at start-up, then again whenever what is published of it changes, in order, each
 * event as its contract says.
 */
@ServiceTest
class OrganisationPublicationTest extends TriageScenario {

    @Autowired
    OrganisationStore store;

    @Autowired
    Registry registry;

    @Autowired
    @Qualifier("publishTheRegistry")
    ApplicationRunner startUpPublication;

    @Test
    void everyOrganisationOfTheRegistryIsPublishedWithThoseAboveItNearestFirst() {
        List<String> ids = kit.as(ADMIN).get("/api/organisations").json().get("organisations").valueStream()
            .map(org -> org.get("id").asString()).toList();

        List<ConsumerRecord<String, byte[]>> records = TriageTopic.organisations().await(record -> true,
            all -> all.stream().map(ConsumerRecord::key).collect(Collectors.toSet()).containsAll(ids),
            Duration.ofSeconds(30));
        records.forEach(TriageTestKit::assertMeetsItsContract);
        Map<String, JsonNode> latest = latest(records);

        assertThat(latest.keySet()).containsAll(ids);
        assertThat(records).allSatisfy(record ->
            assertThat(TriageTestKit.header(record, "ce_type")).isEqualTo("cn.huiyin.triage.OrganisationUpdated.v1"));
        JsonNode mall = latest.get("org-pm-longhu-tianjie");
        assertThat(mall.get("name").asString()).isEqualTo("龙湖天街购物中心物业服务中心");
        assertThat(mall.get("type").asString()).isEqualTo("PROPERTY_MANAGER");
        assertThat(mall.get("parentId").asString()).isEqualTo("org-community-shufang");
        assertThat(ids(mall.get("ancestors"))).containsExactly("org-community-shufang", "org-street-dongan",
            "org-district-lqy", "org-city-swb");
        assertThat(mall.at("/ancestors/1/name").asString()).isEqualTo("东安街道党工委");
        assertThat(mall.at("/ancestors/1/type").asString()).isEqualTo("STREET");
        assertThat(strings(mall.get("jurisdiction"))).containsExactly("510112005001");
        assertThat(strings(mall.get("competences"))).containsExactly("OTHER", "PARKING_ACCESS", "SAFETY_HAZARD",
            "STATIONS_FACILITIES");
        assertThat(mall.get("businessHours").asString()).isEqualTo("09:00-12:00,13:00-18:00");
        assertThat(mall.get("active").asBoolean()).isTrue();
        assertThat(strings(latest.get("org-committee-transport").get("workerGroups")))
            .containsExactly("RIDE_HAILING_DRIVER", "TAXI_DRIVER", "TRUCK_DRIVER");
        assertThat(latest.get("org-city-swb").has("parentId")).as("the city has nobody above it").isFalse();
        assertThat(latest.get("org-city-swb").get("ancestors").isEmpty()).isTrue();
        assertThat(latest.get("org-city-swb").get("workerGroups").isEmpty()).isTrue();
    }

    @Test
    void eachOrganisationsRevisionsArriveInOrderWithNoneMissingOrTwice() {
        String operator = "org-op-order" + suffix();
        putOperator(operator, "顺序测试园区运营方");
        putOperator(operator, "顺序测试园区运营方（一）");
        putOperator(operator, "顺序测试园区运营方（二）");

        List<ConsumerRecord<String, byte[]>> records = TriageTopic.organisations().await(r -> operator.equals(r.key()),
            3, Duration.ofSeconds(30));

        assertThat(records.stream().map(TriageTestKit::data).map(d -> d.get("revision").asLong()))
            .containsExactly(1L, 2L, 3L);
        assertThat(records.stream().map(TriageTestKit::data).map(d -> d.get("name").asString()))
            .containsExactly("顺序测试园区运营方", "顺序测试园区运营方（一）", "顺序测试园区运营方（二）");
        assertThat(records.stream().map(record -> record.partition()).distinct()).hasSize(1);
    }

    @Test
    void anEditIsPublishedOnceAndThoseBelowARenamedOrganisationFollow() {
        String suffix = suffix();
        String operator = "org-op-pub" + suffix;
        String manager = "org-pm-pub" + suffix;
        putOperator(operator, "发布测试园区运营方");
        HttpJson.Response created = kit.as(ADMIN).put("/api/organisations/" + manager, """
            {"name": "发布测试广场物业服务中心", "nameEn": "Test plaza property management", "type": "PROPERTY_MANAGER",
             "parentId": "%s", "jurisdiction": ["510112002001"], "competences": ["PARKING_ACCESS", "OTHER"],
             "places": [{"name": "发布测试广场", "divisionCode": "510112002"}], "businessHours": "08:30-12:00,13:30-18:00"}
            """.formatted(operator));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        JsonNode first = TriageTestKit.organisationUpdated(manager, 1);
        assertThat(first.get("name").asString()).isEqualTo("发布测试广场物业服务中心");
        assertThat(first.get("nameEn").asString()).isEqualTo("Test plaza property management");
        assertThat(ids(first.get("ancestors"))).containsExactly(operator, "org-street-damian", "org-district-lqy",
            "org-city-swb");
        assertThat(first.at("/ancestors/0/name").asString()).isEqualTo("发布测试园区运营方");
        assertThat(strings(first.get("competences"))).containsExactly("OTHER", "PARKING_ACCESS");
        assertThat(first.get("businessHours").asString()).isEqualTo("08:30-12:00,13:30-18:00");

        // The same data again publishes nothing, and neither does a change to what is not published (aliases):
        // the next revision of the operator is its rename.
        putOperator(operator, "发布测试园区运营方");
        HttpJson.Response aliasesOnly = kit.as(ADMIN).put("/api/organisations/" + operator, operatorBody(
            "发布测试园区运营方", "\"aliases\": [\"发布社区\"],"));
        assertThat(aliasesOnly.status()).isEqualTo(200);
        putOperator(operator, "发布测试园区运营方（更名）");

        assertThat(TriageTestKit.organisationUpdated(operator, 2).get("name").asString()).isEqualTo("发布测试园区运营方（更名）");
        JsonNode below = TriageTestKit.organisationUpdated(manager, 2);
        assertThat(below.at("/ancestors/0/name").asString()).as("the organisation below knows the new name")
            .isEqualTo("发布测试园区运营方（更名）");
        assertThat(below.get("name").asString()).isEqualTo("发布测试广场物业服务中心");

        HttpJson.Response deactivated = kit.as(ADMIN).put("/api/organisations/" + manager, """
            {"name": "发布测试广场物业服务中心", "nameEn": "Test plaza property management", "type": "PROPERTY_MANAGER",
             "parentId": "%s", "jurisdiction": ["510112002001"], "competences": ["PARKING_ACCESS", "OTHER"],
             "businessHours": "08:30-12:00,13:30-18:00", "active": false}
            """.formatted(operator));
        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(TriageTestKit.organisationUpdated(manager, 3).get("active").asBoolean()).isFalse();
        assertThat(revisionsOf(operator)).containsExactly(1L, 2L);
    }

    @Test
    void anEditStoredButNotPublishedBeforeACrashIsPublishedAtTheNextStart() throws Exception {
        String operator = "org-op-crash" + suffix();
        putOperator(operator, "重启测试园区运营方");
        TriageTestKit.organisationUpdated(operator, 1);

        // As if the instance died right after storing the edit, before publishing it.
        Organisation stored = store.loadAll().stream().filter(org -> org.id().equals(operator)).findFirst().orElseThrow();
        store.save(new Organisation(stored.id(), "重启测试园区运营方（已改名）", stored.nameEn(), stored.type(),
            stored.parentId(), stored.jurisdiction(), stored.competences(), stored.workerGroups(), stored.aliases(),
            stored.businessHours(), stored.active(), stored.places()));
        registry.reload();
        startUpPublication.run(null);

        JsonNode caughtUp = TriageTestKit.organisationUpdated(operator, 2);
        assertThat(caughtUp.get("name").asString()).isEqualTo("重启测试园区运营方（已改名）");
        startUpPublication.run(null);
        putOperator(operator, "重启测试园区运营方（再改名）");
        assertThat(TriageTestKit.organisationUpdated(operator, 3).get("name").asString())
            .as("a second start finds nothing behind").isEqualTo("重启测试园区运营方（再改名）");
    }

    @Test
    void theTopicKeepsTheWholeHistory() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            TestInfrastructure.get().kafkaBootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, TriageTestKit.ORGANISATION_TOPIC);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                Config config = admin.describeConfigs(List.of(topic)).all().get(10, TimeUnit.SECONDS).get(topic);
                assertThat(config.get("retention.ms").value()).isEqualTo("-1");
                assertThat(config.get("cleanup.policy").value()).isEqualTo("delete");
            });
        }
    }

    /**
     * An operator without places: routing never picks it, so what this test adds and renames changes nothing for the
     * other scenarios sharing the service (a community would become the community of its division).
     */
    private void putOperator(String id, String name) {
        HttpJson.Response response = kit.as(ADMIN).put("/api/organisations/" + id, operatorBody(name, ""));
        assertThat(response.status()).as(response.body()).isIn(200, 201);
    }

    private static String operatorBody(String name, String extra) {
        return """
            {"name": "%s", "type": "PLACE_OPERATOR", "parentId": "org-street-damian", %s
             "jurisdiction": ["510112002001"], "competences": ["PARKING_ACCESS", "STATIONS_FACILITIES", "OTHER"]}
            """.formatted(name, extra);
    }

    private static List<Long> revisionsOf(String id) {
        return TriageTopic.organisations().await(r -> id.equals(r.key()), 0, Duration.ZERO).stream()
            .map(TriageTestKit::data).map(d -> d.get("revision").asLong()).toList();
    }

    private static Map<String, JsonNode> latest(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().collect(Collectors.toMap(ConsumerRecord::key, TriageTestKit::data,
            (earlier, later) -> later.get("revision").asLong() > earlier.get("revision").asLong() ? later : earlier));
    }

    private static List<String> ids(JsonNode organisations) {
        return organisations.valueStream().map(org -> org.get("id").asString()).toList();
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static String suffix() {
        return Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    }
}
