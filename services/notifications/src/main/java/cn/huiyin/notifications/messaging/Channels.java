package cn.huiyin.notifications.messaging;

import java.nio.file.Path;
import java.time.Clock;

import cn.huiyin.notifications.application.MessageChannel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The channels messages leave by. The embedded defaults write files a developer can read
 * ({@code huiyin.notifications.sink-directory}: {@code sms.log}, {@code mail.log}); never a silent no-op.
 */
@Configuration(proxyBeanMethods = false)
class Channels {

    @Bean
    MessageChannel smsChannel(@Value("${huiyin.notifications.sink-directory}") Path directory, Clock clock) {
        return new FileSmsGateway(directory, clock);
    }

    @Bean
    MessageChannel mailChannel(@Value("${huiyin.notifications.sink-directory}") Path directory, Clock clock) {
        return new FileMailbox(directory, clock);
    }

    @Bean
    MessageChannel inboxChannel() {
        return new InboxChannel();
    }
}
