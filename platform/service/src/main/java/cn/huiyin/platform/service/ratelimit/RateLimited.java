package cn.huiyin.platform.service.ratelimit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits how often one client (by IP address) may call a public endpoint; over the limit it gets 429 with
 * {@code Retry-After}. The limit is {@code huiyin.rate-limits.<name>.*}.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RateLimited {

    /** Which limit applies, e.g. {@code self-service}. */
    String value();
}
