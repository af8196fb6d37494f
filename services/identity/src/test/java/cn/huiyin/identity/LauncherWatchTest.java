package cn.huiyin.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Started by a launcher that then dies (SIGKILL, no chance to stop its children), the identity provider exits by
 * itself and frees its port, as every other service of the embedded stack does.
 */
class LauncherWatchTest {

    @TempDir
    Path dir;

    @Test
    void theProviderExitsAndFreesItsPortWhenItsLauncherIsKilled() throws Exception {
        Process launcher = new ProcessBuilder("sleep", "600").start();
        int port = freePort();
        Path log = dir.resolve("identity.log");
        Process identity = new ProcessBuilder(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-cp", System.getProperty("java.class.path"), IdentityApplication.class.getName(),
            "--server.port=" + port,
            "--huiyin.identity.key-file=" + dir.resolve("signing-key.json"),
            "--huiyin.embedded.parent-pid=" + launcher.pid()))
            .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (!listening(port) && identity.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(listening(port)).as("identity listens on %d; its log:%n%s", port, Files.readString(log)).isTrue();

            launcher.destroyForcibly().waitFor();

            assertThat(identity.waitFor(60, TimeUnit.SECONDS)).as("identity exited; its log:%n%s", Files.readString(log))
                .isTrue();
            assertThat(listening(port)).isFalse();
            assertThat(Files.readString(log)).contains("launcher (pid " + launcher.pid() + ") is gone");
        } finally {
            launcher.destroyForcibly();
            identity.destroyForcibly();
        }
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
