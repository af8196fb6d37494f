package cn.huiyin.notifications.domain;

import java.time.Duration;

/**
 * How often and how patiently a failed delivery is tried again: the first retry after {@code firstDelay}, each further
 * one after twice the previous delay up to {@code maxDelay}, at most {@code maxAttempts} attempts in all.
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {

    public static final RetryPolicy STANDARD = new RetryPolicy(6, Duration.ofMinutes(1), Duration.ofHours(1));

    public RetryPolicy {
        if (maxAttempts < 1 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("Retry policy " + maxAttempts + "/" + firstDelay + "/" + maxDelay);
        }
    }

    /** The wait before attempt {@code attemptsSoFar + 1}, after {@code attemptsSoFar} failed ones. */
    public Duration delayAfter(int attemptsSoFar) {
        Duration delay = firstDelay;
        for (int i = 1; i < attemptsSoFar && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    public boolean exhausted(int attemptsSoFar) {
        return attemptsSoFar >= maxAttempts;
    }
}
