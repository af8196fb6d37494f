package cn.huiyin.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import cn.huiyin.contracts.EventContracts;
import cn.huiyin.intake.domain.Channel;
import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.RecordingKafkaConsumer;
import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestInfrastructure;
import cn.huiyin.platform.test.TestUser;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The real cases of the domain brief (docs/examples/cases), filed through every channel as clerks and operators would:
 * each is read back as filed, and each produces a {@code GrievanceSubmitted} that meets the contract.
 */
@ServiceTest
class BriefCasesTest {

    static final Path CASES = Path.of("../../docs/examples/cases");

    @LocalServerPort
    int port;

    private final EventContracts contracts = new EventContracts();

    @TestFactory
    Stream<DynamicTest> everyCaseIsFiledReadBackAndPublishedAsTheContractSays() throws IOException {
        JsonNode filedBy = HttpJson.parse(Files.readString(CASES.resolve("filed-by.json")));
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : filedBy.propertyNames()) {
            tests.add(DynamicTest.dynamicTest(name, () -> {
                String body = Files.readString(CASES.resolve(name + ".json"));
                JsonNode sent = HttpJson.parse(body);
                HttpJson staff = HttpJson.at(port).as(TestUser.of(filedBy.get(name).asString()));

                HttpJson.Response filed = staff.post("/api/grievances", body);

                assertThat(filed.status()).as(filed.body()).isEqualTo(201);
                String id = filed.json().get("trackingNumber").asString();
                JsonNode read = staff.get("/api/grievances/" + id).json();
                assertThat(read.get("channel").asString()).isEqualTo(sent.get("channel").asString());
                assertThat(read.get("description").asString()).isEqualTo(sent.get("description").asString());
                assertThat(read.at("/location/divisionCode").asString()).isEqualTo(sent.at("/location/divisionCode").asString());
                if (sent.has("category")) {
                    assertThat(read.get("category").asString()).isEqualTo(sent.get("category").asString());
                } else {
                    assertThat(read.get("category").isNull()).isTrue();
                }
                assertThat(read.at("/worker/group").asString()).isEqualTo(sent.at("/worker/group").asString());

                String data = publishedData(id);
                assertThat(contracts.validate("cn.huiyin.intake.GrievanceSubmitted.v1", data)).isEmpty();
                assertThat(data).doesNotContain(sent.at("/worker/mobile").asString(), sent.at("/worker/name").asString());
            }));
        }
        return tests.stream();
    }

    @Test
    void theCasesCoverEveryChannel() throws IOException {
        Set<String> channels = new HashSet<>();
        try (Stream<Path> files = Files.list(CASES)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("filed-by.json")).toList()) {
                channels.add(HttpJson.parse(Files.readString(file)).get("channel").asString());
            }
        }

        assertThat(channels).containsExactlyInAnyOrder(
            java.util.Arrays.stream(Channel.values()).filter(Channel::isFiledByPeople).map(Enum::name).toArray(String[]::new));
    }

    private static String publishedData(String id) {
        try (RecordingKafkaConsumer reader = new RecordingKafkaConsumer(TestInfrastructure.get().kafkaBootstrapServers(),
            "huiyin.intake.grievance.v1")) {
            List<ConsumerRecord<String, byte[]>> records = reader.await(r -> id.equals(r.key()), 1, Duration.ofSeconds(20));
            assertThat(records).hasSize(1);
            return new String(records.get(0).value(), StandardCharsets.UTF_8);
        }
    }
}
