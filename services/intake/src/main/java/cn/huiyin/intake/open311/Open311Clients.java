package cn.huiyin.intake.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises Open311 clients by their api key. Keys are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, against every configured client, so neither a key's length nor how much of it
 * matched shows in the time an answer takes.
 */
final class Open311Clients {

    /** A recognised client. {@code recorder} is what its grievances are recorded by. */
    record Client(String name, String org) {

        String recorder() {
            return "open311:" + name;
        }
    }

    private record Known(Client client, byte[] keyDigest) {
    }

    private final List<Known> known = new ArrayList<>();

    Open311Clients(List<Open311Properties.Client> clients) {
        Set<String> names = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (Open311Properties.Client client : clients) {
            String name = client.name();
            // The recorder "open311:<name>" must fit the event contract's recordedBy.staffId (64 characters).
            if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,39}")) {
                throw new IllegalStateException("huiyin.intake.open311.clients: name '" + name
                    + "' must be 1-40 lower-case letters, digits or dashes");
            }
            if (client.apiKey() == null || client.apiKey().length() < 16) {
                throw new IllegalStateException("huiyin.intake.open311.clients[" + name + "].api-key must be at least 16 characters");
            }
            if (client.org() == null || client.org().isBlank()) {
                throw new IllegalStateException("huiyin.intake.open311.clients[" + name + "].org is required");
            }
            if (!names.add(name) || !keys.add(client.apiKey())) {
                throw new IllegalStateException("huiyin.intake.open311.clients: name and api-key must be unique ('" + name + "')");
            }
            known.add(new Known(new Client(name, client.org().strip()), digest(client.apiKey())));
        }
    }

    Optional<Client> authenticate(String apiKey) {
        if (apiKey == null) {
            return Optional.empty();
        }
        byte[] given = digest(apiKey);
        Client match = null;
        for (Known candidate : known) {
            if (MessageDigest.isEqual(candidate.keyDigest(), given)) {
                match = candidate.client();
            }
        }
        return Optional.ofNullable(match);
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
