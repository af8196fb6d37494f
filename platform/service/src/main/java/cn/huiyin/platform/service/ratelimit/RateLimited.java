package cn.huiyin.platform.service.ratelimit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits how often one client may call an endpoint; over the limit it gets 429 with {@code Retry-After}. The limit is
 * {@code huiyin.rate-limits.<name>.*}; it counts per client address, or per signed-in user for staff endpoints that
 * all arrive through the console's one address.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RateLimited {

    /** Which limit applies, e.g. {@code self-service}. */
    String value();

    /** Whose calls are counted together. */
    Per per() default Per.CLIENT_ADDRESS;

    /** The key a limit counts by. */
    enum Per {
        /** The request's remote address: public endpoints. */
        CLIENT_ADDRESS,
        /** The signed-in user (the address when anonymous): staff endpoints reached through the console. */
        USER
    }
}
