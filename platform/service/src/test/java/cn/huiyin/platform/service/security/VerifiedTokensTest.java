package cn.huiyin.platform.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import cn.huiyin.platform.test.TestClock;
import cn.huiyin.platform.test.TestInstants;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class VerifiedTokensTest {

    private static final RSAKey KEY = generate();
    private static final RSAKey STRANGER = generate();

    /** One clock for the tokens, the memory and the verifier's timestamp check (no skew allowed). */
    private final Instant now = TestInstants.DEFAULT;
    private final TestClock clock = TestClock.startingAt(now);
    private final AtomicInteger verifications = new AtomicInteger();
    private final JwtDecoder nimbus = verifier(clock);
    private final VerifiedTokens tokens = new VerifiedTokens(token -> {
        verifications.incrementAndGet();
        return nimbus.decode(token);
    }, clock);

    @Test
    void aTokenIsVerifiedOnceAndThenRecognisedUntilItExpires() {
        String token = signed(KEY, "clerk-1", now.plus(Duration.ofMinutes(5)));

        Jwt first = tokens.decode(token);
        Jwt again = tokens.decode(token);

        assertThat(again.getSubject()).isEqualTo("clerk-1");
        assertThat(again.getClaims()).isEqualTo(first.getClaims());
        assertThat(verifications).hasValue(1);

        // Past its expiry it is not taken from memory: the verifier sees it again and refuses it.
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void theSameClaimsSignedByAStrangerAreRefusedEvenAfterTheGenuineTokenWasRemembered() {
        Instant expiry = now.plus(Duration.ofMinutes(5));
        tokens.decode(signed(KEY, "clerk-2", expiry));
        String forged = signed(STRANGER, "clerk-2", expiry);

        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(JwtException.class);
        assertThat(verifications).as("a refused token is verified every time").hasValue(3);
    }

    @Test
    void aTamperedTokenIsNotTheRememberedOne() {
        String token = signed(KEY, "clerk-3", now.plus(Duration.ofMinutes(5)));
        tokens.decode(token);
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4) + "AAAA";

        assertThatThrownBy(() -> tokens.decode(tampered)).isInstanceOf(JwtException.class);
    }

    @Test
    void memoryStaysBoundedAndDropsTheExpiredFirst() {
        VerifiedTokens unsigned = new VerifiedTokens(token -> Jwt.withTokenValue(token).header("alg", "none")
            .subject(token).issuedAt(now).expiresAt(now.plusSeconds(token.startsWith("short") ? 10 : 600)).build(), clock);
        for (int i = 0; i < VerifiedTokens.MAX_TOKENS; i++) {
            unsigned.decode((i % 2 == 0 ? "short-" : "long-") + i);
        }
        assertThat(unsigned.remembered()).isEqualTo(VerifiedTokens.MAX_TOKENS);

        clock.advance(Duration.ofSeconds(11));
        unsigned.decode("long-next");

        assertThat(unsigned.remembered()).isEqualTo(VerifiedTokens.MAX_TOKENS / 2 + 1);
    }

    private static String signed(RSAKey key, String subject, Instant expiry) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).issuer("https://identity.test")
                .issueTime(Date.from(expiry.minus(Duration.ofMinutes(15)))).expirationTime(Date.from(expiry))
                .jwtID(UUID.randomUUID().toString()).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JwtDecoder verifier(TestClock clock) {
        try {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).build();
            JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
            timestamps.setClock(clock);
            decoder.setJwtValidator(timestamps);
            return decoder;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("k1").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
