package cn.huiyin.notifications.messaging;

import java.nio.file.Path;
import java.time.Clock;

import cn.huiyin.notifications.application.MessageChannel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The channels messages leave by. E-mail always goes over SMTP ({@code spring.mail.*}: the embedded stack's SMTP
 * receiver, Mailpit in compose, a relay in production). SMS goes to the provider chosen by
 * {@code huiyin.notifications.sms.provider}: {@code file} (the embedded default, {@code sms.log} in the sink directory,
 * a file a developer can read) or {@code http} (a real provider, {@link HttpSmsGateway}). Never a silent no-op.
 */
@Configuration(proxyBeanMethods = false)
class Channels {

    @Bean
    MessageChannel smsChannel(@Value("${huiyin.notifications.sms.provider:file}") String provider,
                              @Value("${huiyin.notifications.sink-directory}") Path directory, Environment environment,
                              Clock clock) {
        return switch (provider) {
            case "file" -> new FileSmsGateway(directory, clock);
            case "http" -> new HttpSmsGateway(Binder.get(environment)
                .bind("huiyin.notifications.sms.http", HttpSmsGateway.Settings.class)
                .orElseThrow(() -> new IllegalStateException("huiyin.notifications.sms.http is not configured")), clock);
            default -> throw new IllegalStateException("Unknown huiyin.notifications.sms.provider '" + provider
                + "' (file or http)");
        };
    }

    @Bean
    MessageChannel mailChannel(JavaMailSender sender, @Value("${huiyin.notifications.mail-from}") String from,
                               Clock clock) {
        return new SmtpMailChannel(sender, from, clock);
    }

    @Bean
    MessageChannel inboxChannel() {
        return new InboxChannel();
    }
}
