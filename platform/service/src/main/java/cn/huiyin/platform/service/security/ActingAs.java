package cn.huiyin.platform.service.security;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Names who acts on a public endpoint, where no access token says it — an Open311 client by its api key, a worker
 * through the self-service — so the audit trail records them rather than {@code system}.
 */
public final class ActingAs {

    private static final ThreadLocal<String> ACTOR = new ThreadLocal<>();

    private ActingAs() {
    }

    /** Runs {@code work} with {@code actor} as the author of every change it makes. */
    public static <T> T call(String actor, Supplier<T> work) {
        String previous = ACTOR.get();
        ACTOR.set(actor);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                ACTOR.remove();
            } else {
                ACTOR.set(previous);
            }
        }
    }

    public static Optional<String> current() {
        return Optional.ofNullable(ACTOR.get());
    }
}
