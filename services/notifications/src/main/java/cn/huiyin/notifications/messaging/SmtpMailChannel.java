package cn.huiyin.notifications.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;

import cn.huiyin.notifications.application.MessageChannel;
import cn.huiyin.notifications.domain.Channel;
import cn.huiyin.notifications.domain.DeliveryStatus;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * E-mail over SMTP ({@code spring.mail.*}): the embedded stack's own SMTP receiver, Mailpit in compose, the
 * organisation's mail relay in production. Subject and body in UTF-8, Chinese first, English below. The notification id
 * goes along as the {@code Message-ID}, so a message handed over twice (a crash between the server's "250" and our
 * record) is recognisably the same message in the recipient's mail program.
 *
 * <p>A server that refuses every recipient address for good (5xx on RCPT TO) or an address that cannot be parsed is a
 * {@link Rejected rejection}; anything else (no connection, 4xx, time-out) is tried again later.
 */
class SmtpMailChannel implements MessageChannel {

    private final JavaMailSender sender;
    private final String from;
    private final Clock clock;

    SmtpMailChannel(JavaMailSender sender, String from, Clock clock) {
        this.sender = sender;
        this.from = from;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public DeliveryStatus send(Outgoing message) {
        try {
            sender.send(compose(message));
        } catch (MailParseException | MailPreparationException unusable) {
            throw new Rejected("INVALID_MESSAGE", unusable.getMessage());
        } catch (MailSendException failed) {
            if (failed.getFailedMessages().values().stream().anyMatch(SmtpMailChannel::addressRefusedForGood)) {
                throw new Rejected("ADDRESS_REFUSED", failed.getMessage());
            }
            throw new Unavailable("The mail server did not take the message", failed);
        } catch (MailException down) {
            throw new Unavailable("The mail server did not take the message", down);
        }
        // An SMTP server's "250" is the hand-over; whether it reached the mailbox is not reported back.
        return DeliveryStatus.SENT;
    }

    private MimeMessage compose(Outgoing message) {
        MimeMessage mime = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(message.address());
            helper.setSubject(message.title());
            helper.setText(message.textZh() + "\n\n" + message.textEn());
            helper.setSentDate(Date.from(clock.instant()));
            mime.setHeader("Message-ID", "<" + message.notificationId().replaceAll("[^A-Za-z0-9._-]", ".")
                + "@notifications.huiyin>");
            mime.setHeader("X-Huiyin-Notification", message.notificationId());
        } catch (MessagingException e) {
            throw new MailParseException(e);
        }
        return mime;
    }

    private static boolean addressRefusedForGood(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SendFailedException refused && refused.getInvalidAddresses() != null
                && refused.getInvalidAddresses().length > 0
                && (refused.getValidSentAddresses() == null || refused.getValidSentAddresses().length == 0)) {
                return true;
            }
        }
        return false;
    }
}
