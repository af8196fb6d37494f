package cn.huiyin.notifications.messaging;

import java.nio.file.Path;
import java.time.Clock;

import cn.huiyin.notifications.application.MessageChannel;
import cn.huiyin.notifications.domain.Channel;
import cn.huiyin.notifications.domain.DeliveryStatus;

/**
 * The embedded SMS provider: {@code sms.log} in the sink directory, one JSON line per message with the mobile, the
 * text and its parts. The file stands for the handset, so a written message counts as delivered. A real gateway
 * implements {@link MessageChannel} the same way, with its credentials from the environment.
 */
class FileSmsGateway implements MessageChannel {

    private final FileSink sink;
    private final Clock clock;

    FileSmsGateway(Path directory, Clock clock) {
        this.sink = new FileSink(directory.resolve("sms.log"));
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public DeliveryStatus send(Outgoing message) {
        sink.append(FileSink.line().put("id", message.notificationId()).put("at", clock.instant().toString())
            .put("to", message.address()).put("segments", message.segments()).put("text", message.textZh()));
        return DeliveryStatus.DELIVERED;
    }
}
