package cn.huiyin.platform.service.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Services in one JVM (ADR 0035), each behind a class loader of its own, in a real JVM started from the plan. */
class ServiceHostTest {

    @TempDir
    Path directory;

    @Test
    void eachServiceRunsBehindItsOwnClassLoaderWithItsArgumentsAndItsLinesNameIt() throws Exception {
        Path alpha = directory.resolve("alpha.out");
        Path beta = directory.resolve("beta.out");
        Path plan = Files.writeString(directory.resolve("plan"), String.join("\n",
            "service alpha", "main " + HostedMain.class.getName(), "classpath " + jarSaying("alpha"),
            "argument " + alpha, "argument --server.port=1",
            "service beta", "main " + HostedMain.class.getName(), "classpath " + jarSaying("beta"),
            "argument " + beta, "argument --server.port=2"));

        Result host = host(plan);

        assertThat(host.exitCode()).isZero();
        assertThat(alpha).hasContent("alpha " + alpha + " --server.port=1");
        assertThat(beta).hasContent("beta " + beta + " --server.port=2");
        assertThat(host.output()).anyMatch(line -> line.contains("[alpha]") && line.contains("started with " + alpha))
            .anyMatch(line -> line.contains("[beta]") && line.contains("started with " + beta));
    }

    @Test
    void aServiceThatCannotStartEndsTheHostSoTheLauncherStartsItAgain() throws Exception {
        Path plan = Files.writeString(directory.resolve("plan"), String.join("\n",
            "service alpha", "main " + HostedMain.class.getName(), "argument " + directory.resolve("alpha.out"),
            "service broken", "main cn.huiyin.NoSuchApplication"));

        Result host = host(plan);

        assertThat(host.exitCode()).isEqualTo(1);
        assertThat(host.output()).anyMatch(line -> line.contains("broken cannot be started"));
    }

    private record Result(int exitCode, List<String> output) {
    }

    private Result host(Path plan) throws IOException, InterruptedException {
        Path output = directory.resolve("host.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), ServiceHost.class.getName(), plan.toString())
            .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the host ends when its mains have returned").isTrue();
        return new Result(process.exitValue(), Files.readAllLines(output));
    }

    /** A jar holding only {@code whoami.txt}, which says {@code name}. */
    private Path jarSaying(String name) throws IOException {
        Path jar = directory.resolve(name + ".jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("whoami.txt"));
            zip.write(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return jar;
    }
}
