package cn.huiyin.intake.open311;

import java.time.Duration;
import java.util.List;

/**
 * An Open311 request that cannot be answered as asked, with the spec's error list: one {@link Error} per problem,
 * each described in Chinese, then English.
 */
final class Open311Exception extends RuntimeException {

    /**
     * One entry of the spec's {@code errors} list.
     *
     * @param code        the HTTP status the problem alone would get (404 for an unknown service_code, else 400, ...)
     * @param description "field: 中文 / English"
     */
    record Error(int code, String description) {

        static Error of(int code, String field, String zh, String en) {
            return new Error(code, field == null ? zh + " / " + en : field + ": " + zh + " / " + en);
        }

        static Error invalid(String field, String zh, String en) {
            return of(400, field, zh, en);
        }
    }

    private final int status;
    private final List<Error> errors;
    private final Duration retryAfter;

    Open311Exception(int status, List<Error> errors) {
        this(status, errors, null);
    }

    Open311Exception(int status, List<Error> errors, Duration retryAfter) {
        super(status + " " + errors);
        this.status = status;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    static Open311Exception of(int status, String zh, String en) {
        return new Open311Exception(status, List.of(Error.of(status, null, zh, en)));
    }

    static Open311Exception invalid(List<Error> errors) {
        return new Open311Exception(400, errors);
    }

    static Open311Exception invalid(String field, String zh, String en) {
        return invalid(List.of(Error.invalid(field, zh, en)));
    }

    /** Wrong or missing api_key: the spec's 403, the same answer for both so keys cannot be probed. */
    static Open311Exception badApiKey() {
        return of(403, "api_key 缺失或无效，请向回音平台申请", "Missing or invalid api_key; ask the Huiyin operators for one");
    }

    /** Not there, or not the calling client's: the same answer either way. */
    static Open311Exception noSuchRequest() {
        return of(404, "没有找到该诉求，或不是由您的应用提交的", "No such service request filed by your application");
    }

    static Open311Exception unknownFormat(String format) {
        return of(404, "不支持的格式“" + shorten(format) + "”，请在地址末尾使用 .json 或 .xml",
            "Unsupported format '" + shorten(format) + "'; end the address with .json or .xml");
    }

    private static String shorten(String text) {
        String value = text == null ? "" : text;
        return value.length() > 20 ? value.substring(0, 20) + "…" : value;
    }

    int status() {
        return status;
    }

    List<Error> errors() {
        return errors;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
