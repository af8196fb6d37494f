package cn.huiyin.console.application;

import java.util.Map;

/**
 * The services' APIs, called as the signed-in user (their token relayed) or, for the worker's pages, anonymously.
 * Every call is bounded in time and guarded by a circuit breaker per service.
 *
 * @throws ServiceUnavailable when the service is down, slow or failing
 * @throws SignInRequired when the user's token is no longer accepted
 */
public interface Services {

    Answer get(Service service, String path);

    Answer post(Service service, String path, Object jsonBody);

    Answer put(Service service, String path, Object jsonBody);

    /**
     * A PUT or POST of a change based on the version the user saw ({@code If-Match}): a change someone made meanwhile
     * is refused (412), not overwritten.
     */
    Answer sendIfMatch(Service service, String method, String path, Object jsonBody, String version);

    /** A POST that the service answers once however often it is repeated ({@code Idempotency-Key}). */
    Answer postWithKey(Service service, String path, Object jsonBody, String idempotencyKey);

    /** A file as multipart form data (evidence). */
    Answer upload(Service service, String path, String fileName, String contentType, byte[] content);

    /** Public endpoints (the worker's self-service): no token; {@code headers} are added as they are. */
    Answer postAnonymously(Service service, String path, Object jsonBody, Map<String, String> headers);

    /** A raw download (CSV ledger) as the user: status, content type and bytes. */
    Download download(Service service, String path);

    record Download(int status, String contentType, byte[] content) {
    }
}
