package cn.huiyin.platform.service.security;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the bearer tokens its verifier accepted, until each expires, so a user's requests pay for the RSA
 * signature check once per token rather than once per request (a console page calls several services; the check was
 * ~9 % of intake's CPU, docs/benchmarks.md). A token is found by its whole text, signature included, so only the very
 * token that was verified matches; a rejected token is never remembered, and a token without an expiry is verified
 * every time. A remembered token stops being accepted at its {@code exp}, like a verified one (no clock skew added).
 */
public final class VerifiedTokens implements JwtDecoder {

    /** Tokens remembered at most; when full, the expired are dropped, and all if none had expired. */
    static final int MAX_TOKENS = 4096;

    private final JwtDecoder verifier;
    private final Clock clock;
    private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

    public VerifiedTokens(JwtDecoder verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Jwt known = verified.get(token);
        if (known != null) {
            if (current(known, now)) {
                return known;
            }
            verified.remove(token);
        }
        Jwt jwt = verifier.decode(token);
        if (current(jwt, now)) {
            if (verified.size() >= MAX_TOKENS) {
                prune(now);
            }
            verified.put(token, jwt);
        }
        return jwt;
    }

    int remembered() {
        return verified.size();
    }

    private static boolean current(Jwt jwt, Instant now) {
        return jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt())
            && (jwt.getNotBefore() == null || !now.isBefore(jwt.getNotBefore()));
    }

    private void prune(Instant now) {
        verified.values().removeIf(jwt -> !current(jwt, now));
        if (verified.size() >= MAX_TOKENS) {
            verified.clear();
        }
    }
}
