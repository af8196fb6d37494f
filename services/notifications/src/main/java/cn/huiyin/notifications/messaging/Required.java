package cn.huiyin.notifications.messaging;

import cn.huiyin.platform.messaging.inbound.InboundEvent;
import cn.huiyin.platform.messaging.inbound.MalformedEventException;

/** A required field missing is a record that can never be processed: straight to the dead-letter topic. */
final class Required {

    private Required() {
    }

    static <T> T field(T value, String name, InboundEvent<?> event) {
        if (value == null) {
            throw new MalformedEventException("Event " + event.id() + " of type " + event.type() + " lacks " + name,
                null);
        }
        return value;
    }
}
