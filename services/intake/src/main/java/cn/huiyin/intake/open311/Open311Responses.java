package cn.huiyin.intake.open311;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Answers in the format the client asked for, with the spec's content types (UTF-8 always). */
final class Open311Responses {

    private Open311Responses() {
    }

    static ResponseEntity<byte[]> ok(Format format, Open311Document document) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, format.contentType()).body(document.render(format));
    }

    static ResponseEntity.BodyBuilder status(int status, Format format) {
        return ResponseEntity.status(HttpStatus.valueOf(status)).header(HttpHeaders.CONTENT_TYPE, format.contentType());
    }

    /** The spec's {@code <errors><error><code/><description/></error></errors>}, or its JSON array. */
    static Open311Document errors(List<Open311Exception.Error> errors) {
        return Open311Document.list("errors", "error", errors.stream()
            .map(e -> Open311Document.fields("code", e.code(), "description", e.description())).toList());
    }

    static ResponseEntity<byte[]> error(Open311Exception e, Format format) {
        ResponseEntity.BodyBuilder answer = status(e.status(), format);
        if (e.retryAfter() != null) {
            answer.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        }
        return answer.body(errors(e.errors()).render(format));
    }

    /** For a servlet filter, outside Spring MVC. */
    static void write(HttpServletResponse response, Open311Exception e, Format format) throws IOException {
        byte[] body = errors(e.errors()).render(format);
        response.setStatus(e.status());
        response.setContentType(format.contentType());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
