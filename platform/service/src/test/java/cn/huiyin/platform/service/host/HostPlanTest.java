package cn.huiyin.platform.service.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostPlanTest {

    @TempDir
    Path directory;

    @Test
    void eachServiceBlockGivesItsMainClassItsOwnJarsAndItsArgumentsInOrder() throws IOException {
        Path plan = write("""
            service intake
            main cn.huiyin.intake.IntakeApplication
            classpath /opt/intake/intake-classes.jar
            classpath /opt/intake/lib/poi-5.5.1.jar
            argument --server.port=8081
            argument --huiyin.mongodb.uri=mongodb://127.0.0.1:27017

            service triage
            main cn.huiyin.triage.TriageApplication
            argument --server.port=8082
            """);

        List<HostPlan.Service> services = HostPlan.read(plan);

        assertThat(services).extracting(HostPlan.Service::name).containsExactly("intake", "triage");
        assertThat(services.get(0).mainClass()).isEqualTo("cn.huiyin.intake.IntakeApplication");
        assertThat(services.get(0).classPath()).containsExactly(Path.of("/opt/intake/intake-classes.jar"),
            Path.of("/opt/intake/lib/poi-5.5.1.jar"));
        assertThat(services.get(0).arguments()).containsExactly("--server.port=8081",
            "--huiyin.mongodb.uri=mongodb://127.0.0.1:27017");
        assertThat(services.get(1).classPath()).isEmpty();
        assertThat(services.get(1).arguments()).containsExactly("--server.port=8082");
    }

    @Test
    void aPlanThatCannotBeRunIsRefusedWithWhatIsWrong() throws IOException {
        assertThatThrownBy(() -> HostPlan.read(write("main cn.huiyin.intake.IntakeApplication\n")))
            .isInstanceOf(IOException.class).hasMessageContaining("before the first 'service' line");
        assertThatThrownBy(() -> HostPlan.read(write("service intake\nargument --server.port=1\n")))
            .isInstanceOf(IOException.class).hasMessageContaining("no main class for intake");
        assertThatThrownBy(() -> HostPlan.read(write("service intake\nmain A\nheap 1g\n")))
            .isInstanceOf(IOException.class).hasMessageContaining("unknown item 'heap' of intake");
    }

    private Path write(String text) throws IOException {
        return Files.writeString(Files.createTempFile(directory, "plan", ".txt"), text);
    }
}
