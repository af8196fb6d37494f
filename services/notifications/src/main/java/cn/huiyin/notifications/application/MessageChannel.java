package cn.huiyin.notifications.application;

import cn.huiyin.notifications.domain.Channel;
import cn.huiyin.notifications.domain.DeliveryStatus;

/** Port: one way of sending (SMS provider, SMTP, in-app inbox), all behind the same interface. */
public interface MessageChannel {

    Channel channel();

    /**
     * Hands a message over. The notification id goes along as the provider's message id, so a provider (or sink)
     * that already has it does not send it again: a crash between sending and recording sends nothing twice.
     *
     * @return {@link DeliveryStatus#SENT} or {@link DeliveryStatus#DELIVERED}
     * @throws Unavailable if the provider did not take it (tried again later)
     */
    DeliveryStatus send(Outgoing message);

    /**
     * @param address mobile, e-mail address or inbox (contact id), as the channel needs
     * @param title   a subject line (e-mail); the text's first words elsewhere
     */
    record Outgoing(String notificationId, String address, String title, String textZh, String textEn, int segments) {
    }

    class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
