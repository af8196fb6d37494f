package cn.huiyin.platform.service.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;

/**
 * Resilience4j rate limiters per limit name and key (a client address, a tracking number), created on demand and
 * forgotten least-recently-used first, so a flood of distinct clients cannot exhaust memory.
 */
public class RateLimits {

    /** A limit: {@code limitForPeriod} calls per {@code refreshPeriod}. */
    public record Limit(int limitForPeriod, Duration refreshPeriod) {
    }

    private static final int MAX_TRACKED = 10_000;

    private final Map<String, Limit> limits;
    private final Map<String, RateLimiter> limiters = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RateLimiter> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    public RateLimits(Map<String, Limit> limits) {
        this.limits = Map.copyOf(limits);
    }

    /**
     * Takes one permit of limit {@code name} for {@code key}.
     *
     * @throws TooManyRequestsException when the limit is used up
     */
    public void acquire(String name, String key) {
        Limit limit = limits.get(name);
        if (limit == null) {
            throw new IllegalStateException("No rate limit named '" + name + "' (huiyin.rate-limits." + name + ")");
        }
        RateLimiter limiter;
        synchronized (limiters) {
            limiter = limiters.computeIfAbsent(name + "|" + key, id -> RateLimiter.of(id, RateLimiterConfig.custom()
                .limitForPeriod(limit.limitForPeriod()).limitRefreshPeriod(limit.refreshPeriod())
                .timeoutDuration(Duration.ZERO).build()));
        }
        if (!limiter.acquirePermission()) {
            throw new TooManyRequestsException(limit.refreshPeriod());
        }
    }
}
