package cn.huiyin.platform.messaging.inbound;

import java.util.Optional;

/**
 * The inbound event whose handler is running on this thread. The aggregate store reads it to record the event in
 * the same document write as its effect ({@link cn.huiyin.platform.messaging.outbox.AggregateStore}), so that
 * applying an event and remembering that it was applied can never be separated by a crash.
 */
public final class InboundContext {

    private static final ThreadLocal<InboundEvent<?>> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> FOUND_APPLIED = new ThreadLocal<>();

    private InboundContext() {
    }

    public static Optional<InboundEvent<?>> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * Notes that an aggregate the handler touched had already applied the current event (e.g. the insert it would make
     * exists from an earlier delivery): the handling counts as a duplicate even though the handler went on.
     */
    public static void noteAlreadyApplied() {
        if (CURRENT.get() != null) {
            FOUND_APPLIED.set(Boolean.TRUE);
        }
    }

    /**
     * Runs {@code work} as the handling of {@code event}.
     *
     * @return false if the work found the event already applied ({@link #noteAlreadyApplied()})
     */
    static boolean run(InboundEvent<?> event, Runnable work) {
        InboundEvent<?> previous = CURRENT.get();
        CURRENT.set(event);
        FOUND_APPLIED.remove();
        try {
            work.run();
            return FOUND_APPLIED.get() == null;
        } finally {
            FOUND_APPLIED.remove();
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
