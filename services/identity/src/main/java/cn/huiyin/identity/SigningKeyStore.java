package cn.huiyin.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The RSA signing key of the identity provider, kept as a JWK JSON file (with its private part) so that tokens stay
 * valid across restarts of the embedded stack. The key is generated (RSA 2048, key id = its RFC 7638 thumbprint) on
 * first start and reused afterwards. The file is readable by its owner only where the file system supports POSIX
 * permissions.
 */
public final class SigningKeyStore {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyStore.class);

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SigningKeyStore() {
    }

    /** Reads the key of {@code file}, or generates one and writes it there if the file does not exist. */
    public static RSAKey loadOrCreate(Path file) {
        Path path = file.toAbsolutePath().normalize();
        if (Files.exists(path)) {
            return read(path);
        }
        RSAKey key = generate();
        try {
            write(path, key);
            log.info("Generated a new signing key {} in {}", key.getKeyID(), path);
            return key;
        }
        catch (FileAlreadyExistsException ex) {
            // Another process created it meanwhile: use theirs.
            return read(path);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot write the signing key to " + path, ex);
        }
    }

    static RSAKey read(Path path) {
        try {
            JWK jwk = JWK.parse(Files.readString(path, StandardCharsets.UTF_8));
            if (!(jwk instanceof RSAKey rsaKey) || !rsaKey.isPrivate()) {
                throw new IllegalStateException("Not an RSA private key: " + path);
            }
            log.info("Using the signing key {} of {}", rsaKey.getKeyID(), path);
            return rsaKey;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the signing key " + path, ex);
        }
        catch (ParseException ex) {
            throw new IllegalStateException("Not a JWK: " + path + " (delete it to have a new key generated)", ex);
        }
    }

    static RSAKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .build();
            return new RSAKey.Builder(key).keyID(key.computeThumbprint().toString()).build();
        }
        catch (NoSuchAlgorithmException | JOSEException ex) {
            throw new IllegalStateException("Cannot generate an RSA key", ex);
        }
    }

    private static void write(Path path, RSAKey key) throws IOException {
        Path dir = path.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".signing-key", ".tmp");
        try {
            restrictToOwner(tmp);
            Files.writeString(tmp, key.toJSONString(), StandardCharsets.UTF_8);
            // Without REPLACE_EXISTING: if another process wrote a key meanwhile, keep theirs.
            Files.move(tmp, path);
        }
        finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        else {
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
            file.toFile().setWritable(false, false);
            file.toFile().setWritable(true, true);
        }
    }
}
