package cn.huiyin.notifications.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file sink writes a notification once, also when the service died after writing and before recording the
 * message as sent: a new sink on the same file (a restart) knows the ids already written.
 */
class FileSinkTest {

    @Test
    void aNotificationIsWrittenOnceAcrossARestart(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("sms.log");
        FileSink sink = new FileSink(file);
        assertThat(sink.append(FileSink.line().put("id", "event-1/worker/WORKER_ACCEPTED").put("text", "已受理"))).isTrue();
        assertThat(sink.append(FileSink.line().put("id", "event-1/worker/WORKER_ACCEPTED").put("text", "已受理"))).isFalse();

        FileSink afterRestart = new FileSink(file);
        assertThat(afterRestart.append(FileSink.line().put("id", "event-1/worker/WORKER_ACCEPTED"))).isFalse();
        assertThat(afterRestart.append(FileSink.line().put("id", "event-2/worker/WORKER_SIGNED_FOR"))).isTrue();
        assertThat(Files.readAllLines(file)).hasSize(2);
    }
}
