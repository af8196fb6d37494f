package cn.huiyin.platform.messaging.inbound;

/** Applies one event to a consumer's state. Runs at most once per event id and consumer with effect. */
@FunctionalInterface
public interface EventHandler<T> {

    void handle(InboundEvent<T> event);
}
