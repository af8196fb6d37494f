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
     * @throws Rejected    if the provider refused it for good (a malformed number, a template it does not know):
     *                     trying again would fail the same way
     */
    DeliveryStatus send(Outgoing message);

    /**
     * @param address mobile, e-mail address or inbox (contact id), as the channel needs
     * @param title   a subject line (e-mail); the text's first words elsewhere
     * @param template   the template's id, for providers that send registered templates with parameters
     * @param parameters the template's parameters
     */
    record Outgoing(String notificationId, String address, String title, String textZh, String textEn, int segments,
                    String template, java.util.Map<String, String> parameters) {
    }

    class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The provider refused the message for good; {@code code} is its reason (e.g. the provider's error code). */
    class Rejected extends RuntimeException {
        private final String code;

        public Rejected(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
