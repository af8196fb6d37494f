package cn.huiyin.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

class SigningKeyStoreTest {

    @TempDir
    Path dir;

    @Test
    void generatesAKeyOnFirstUseAndReusesItAfterwards() throws Exception {
        Path file = dir.resolve("data/identity/signing-key.json");

        RSAKey first = SigningKeyStore.loadOrCreate(file);
        RSAKey second = SigningKeyStore.loadOrCreate(file);

        assertThat(file).exists();
        assertThat(first.size()).isEqualTo(2048);
        assertThat(first.isPrivate()).isTrue();
        assertThat(first.getKeyID()).isNotBlank().isEqualTo(first.computeThumbprint().toString());
        assertThat(second.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(second.toRSAPrivateKey()).isEqualTo(first.toRSAPrivateKey());

        // A token signed before the "restart" verifies with the key read after it.
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(first.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject("window-clerk").build());
        jwt.sign(new RSASSASigner(first));
        assertThat(SignedJWT.parse(jwt.serialize()).verify(new RSASSAVerifier(second.toPublicJWK()))).isTrue();
    }

    @Test
    void theKeyFileIsReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("signing-key.json");

        SigningKeyStore.loadOrCreate(file);

        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("signing-key.json");
        }
    }

    @Test
    void differentFilesHaveDifferentKeys() {
        assertThat(SigningKeyStore.loadOrCreate(dir.resolve("a.json")).getKeyID())
                .isNotEqualTo(SigningKeyStore.loadOrCreate(dir.resolve("b.json")).getKeyID());
    }

    @Test
    void refusesAFileThatIsNotAnRsaPrivateKey() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.json"), "not json");
        Path publicOnly = Files.writeString(dir.resolve("public.json"),
                SigningKeyStore.generate().toPublicJWK().toJSONString());

        assertThatThrownBy(() -> SigningKeyStore.loadOrCreate(garbage)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Not a JWK");
        assertThatThrownBy(() -> SigningKeyStore.loadOrCreate(publicOnly)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Not an RSA private key");
        assertThat(Files.readString(garbage)).isEqualTo("not json");
    }
}
