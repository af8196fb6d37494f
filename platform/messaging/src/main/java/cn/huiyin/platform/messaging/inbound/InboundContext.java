package cn.huiyin.platform.messaging.inbound;

import java.util.Optional;

/**
 * The inbound event whose handler is running on this thread. The aggregate store reads it to record the event in
 * the same document write as its effect ({@link cn.huiyin.platform.messaging.outbox.AggregateStore}), so that
 * applying an event and remembering that it was applied can never be separated by a crash.
 */
public final class InboundContext {

    private static final ThreadLocal<InboundEvent<?>> CURRENT = new ThreadLocal<>();

    private InboundContext() {
    }

    public static Optional<InboundEvent<?>> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Runs {@code work} as the handling of {@code event}. */
    static void run(InboundEvent<?> event, Runnable work) {
        InboundEvent<?> previous = CURRENT.get();
        CURRENT.set(event);
        try {
            work.run();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** Runs {@code work} outside any inbound event (e.g. a write that must not count as the event's effect). */
    public static void outside(Runnable work) {
        InboundEvent<?> previous = CURRENT.get();
        CURRENT.remove();
        try {
            work.run();
        } finally {
            if (previous != null) {
                CURRENT.set(previous);
            }
        }
    }
}
