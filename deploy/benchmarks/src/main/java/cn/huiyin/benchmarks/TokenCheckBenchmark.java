package cn.huiyin.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import cn.huiyin.platform.service.security.VerifiedTokens;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * What a service spends on checking one request's bearer token: Spring Security's Nimbus decoder (RS256 signature,
 * 2048-bit key, claims validated), as every request paid before, against {@link VerifiedTokens} in front of it, as a
 * user's second and later requests pay now. In this JVM, one thread, after a warm-up.
 *
 * <pre>java -jar deploy/benchmarks/target/huiyin-benchmarks.jar tokens --seconds 10</pre>
 */
final class TokenCheckBenchmark implements Benchmarks.Benchmark {

    private static final String HELP = """
        tokens: CPU of a bearer token's check per request, verified every time (before) or remembered (VerifiedTokens)
          --seconds N   measured seconds for each decoder (default 10), after --warmup N seconds each (default 5)
        """;

    @Override
    public void run(String[] args) throws Exception {
        Options options = Options.quietUnlessHelp(args, HELP);
        if (options == null) {
            return;
        }
        Duration measured = Duration.ofSeconds(options.integer("seconds", 10));
        Duration warmup = Duration.ofSeconds(options.integer("warmup", 5));
        RSAKey key = new RSAKeyGenerator(2048).keyID("benchmark").generate();
        String token = token(key);
        JwtDecoder nimbus = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
        JwtDecoder remembered = new VerifiedTokens(nimbus, Clock.systemUTC());

        System.out.printf("Token check benchmark: one RS256 token (%d characters), %d s warm-up + %d s each%n",
            token.length(), warmup.toSeconds(), measured.toSeconds());
        double every = perDecode("verified every time (before)", nimbus, token, warmup, measured);
        double once = perDecode("remembered after the first (now)", remembered, token, warmup, measured);
        System.out.printf("  summary: %.1f µs -> %.2f µs of CPU per request's token check (%.0fx less)%n",
            every, once, every / once);
    }

    private static double perDecode(String label, JwtDecoder decoder, String token, Duration warmup, Duration measured) {
        loop(decoder, token, warmup);
        long cpuBefore = cpuNanos();
        long wallBefore = System.nanoTime();
        long decodes = loop(decoder, token, measured);
        double cpuMicros = (cpuNanos() - cpuBefore) / 1000.0 / decodes;
        double seconds = (System.nanoTime() - wallBefore) / 1e9;
        System.out.printf("  %-34s %,12d checks in %.1f s = %,10.0f/s; %8.2f µs of CPU each%n", label, decodes,
            seconds, decodes / seconds, cpuMicros);
        return cpuMicros;
    }

    private static long loop(JwtDecoder decoder, String token, Duration length) {
        long end = System.nanoTime() + length.toNanos();
        long decodes = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 100; i++) {
                if (decoder.decode(token).getSubject() == null) {
                    throw new IllegalStateException("token without subject");
                }
            }
            decodes += 100;
        }
        return decodes;
    }

    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static String token(RSAKey key) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("http://127.0.0.1:9000").subject("window-clerk")
            .audience("huiyin").issueTime(Date.from(now)).notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofMinutes(15)))).jwtID(UUID.randomUUID().toString())
            .claim("roles", java.util.List.of("CLERK")).claim("org", "org-lqy-window").build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
