package cn.huiyin.platform.service.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code huiyin.rate-limits.<name>.limit-for-period} and {@code .refresh-period} for each named limit. */
@ConfigurationProperties("huiyin")
public record RateLimitProperties(Map<String, RateLimits.Limit> rateLimits) {

    public RateLimits toRateLimits() {
        return new RateLimits(rateLimits == null ? Map.of() : new LinkedHashMap<>(rateLimits));
    }
}
