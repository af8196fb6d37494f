package cn.huiyin.intake.application.open311;

import java.util.Optional;

/**
 * The tokens GeoReport v2's {@code tokens/{token}} resolves: one opaque random token per grievance an Open311 client
 * filed, kept with the tracking number and the client. A retried filing gets the same token; only the client that
 * filed the grievance can resolve its token.
 */
public interface RequestTokens {

    /** The token of a grievance the client filed: the one issued before, or a new one. */
    String issue(String trackingNumber, String client);

    /** The tracking number behind a token, if the token is the client's. */
    Optional<String> trackingNumber(String token, String client);
}
