package cn.huiyin.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class StackLayoutTest {

    @Test
    void theDefaultPortsAreTheOnesReadmeNames() {
        StackLayout layout = StackLayout.fromEnvironment(Map.of());

        assertThat(layout.kafkaPort()).isEqualTo(9092);
        assertThat(layout.kafkaControllerPort()).isEqualTo(9093);
        assertThat(layout.mongoPort()).isEqualTo(27017);
        assertThat(layout.smtpPort()).isEqualTo(2525);
        assertThat(layout.identityIssuer()).isEqualTo("http://127.0.0.1:9000");
        assertThat(layout.services()).extracting(StackLayout.ServiceSpec::port)
            .containsExactly(9000, 8081, 8082, 8083, 8084, 8085, 8086, 8080);
    }

    @Test
    void anOffsetMovesEveryPortAndSingleVariablesSetOnePortExactly() {
        StackLayout layout = StackLayout.fromEnvironment(Map.of("HUIYIN_PORT_OFFSET", "300",
            "HUIYIN_JOINT_MEETING_PORT", "18383", "HUIYIN_MONGO_PORT", "37017"));

        assertThat(layout.kafkaPort()).isEqualTo(9392);
        assertThat(layout.kafkaControllerPort()).isEqualTo(9393);
        assertThat(layout.mongoPort()).isEqualTo(37017);
        assertThat(layout.smtpPort()).isEqualTo(2825);
        assertThat(layout.identityIssuer()).isEqualTo("http://127.0.0.1:9300");
        assertThat(layout.services()).extracting(StackLayout.ServiceSpec::port)
            .containsExactly(9300, 8381, 8382, 18383, 8384, 8385, 8386, 8380);
    }

    @Test
    void theIssuerFollowsTheIdentityPortEvenWhenIdentityIsNotRunHere() {
        StackLayout layout = StackLayout.fromEnvironment(Map.of("HUIYIN_PORT_OFFSET", "10", "HUIYIN_SERVICES", "intake"));

        assertThat(layout.services()).extracting(StackLayout.ServiceSpec::name).containsExactly("intake");
        assertThat(layout.identityIssuer()).isEqualTo("http://127.0.0.1:9010");
    }

    @Test
    void noneRunsOnlyKafkaAndMongo() {
        assertThat(StackLayout.fromEnvironment(Map.of("HUIYIN_SERVICES", "none")).services()).isEmpty();
    }

    @Test
    void theLoopsServicesShareOneJvmUnlessToldNotTo() {
        assertThat(StackLayout.fromEnvironment(Map.of()).sharedJvmServices()).extracting(StackLayout.ServiceSpec::name)
            .containsExactly("intake", "triage", "joint-meeting", "follow-up", "dashboard", "notifications");
        assertThat(StackLayout.fromEnvironment(Map.of("HUIYIN_SHARED_JVM", "false")).sharedJvmServices()).isEmpty();
        assertThat(StackLayout.fromEnvironment(Map.of("HUIYIN_SERVICES", "identity,intake,console")).sharedJvmServices())
            .as("one service has a JVM of its own").isEmpty();
        assertThat(StackLayout.fromEnvironment(Map.of("HUIYIN_SERVICES", "intake,triage")).sharedJvmServices())
            .extracting(StackLayout.ServiceSpec::name).containsExactly("intake", "triage");
    }
}
