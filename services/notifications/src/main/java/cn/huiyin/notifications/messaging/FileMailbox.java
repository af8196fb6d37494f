package cn.huiyin.notifications.messaging;

import java.nio.file.Path;
import java.time.Clock;

import cn.huiyin.notifications.application.MessageChannel;
import cn.huiyin.notifications.domain.Channel;
import cn.huiyin.notifications.domain.DeliveryStatus;

/**
 * The embedded mail server: {@code mail.log} in the sink directory, one JSON line per e-mail (to, subject, the Chinese
 * text, then the English). GreenMail is not among the packages this build may use, so the embedded stack has no SMTP
 * server; see docs/notifications.md.
 */
class FileMailbox implements MessageChannel {

    private final FileSink sink;
    private final Clock clock;

    FileMailbox(Path directory, Clock clock) {
        this.sink = new FileSink(directory.resolve("mail.log"));
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public DeliveryStatus send(Outgoing message) {
        sink.append(FileSink.line().put("id", message.notificationId()).put("at", clock.instant().toString())
            .put("to", message.address()).put("subject", message.title())
            .put("body", message.textZh() + "\n\n" + message.textEn()));
        return DeliveryStatus.DELIVERED;
    }
}
