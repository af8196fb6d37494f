package cn.huiyin.intake.open311;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an Open311 body whose declared length is over the Open311 limit with the spec's error format, before the
 * platform's size filter (which answers RFC 9457) or anything else reads it. Chunked bodies are bounded while the
 * controller reads them.
 */
class Open311RequestSizeFilter extends OncePerRequestFilter {

    private final long limit;

    Open311RequestSizeFilter(long limit) {
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            Open311Responses.write(response, Open311Controller.tooLarge(limit),
                Format.forErrorsOn(request.getRequestURI(), request.getHeader(HttpHeaders.ACCEPT)));
            return;
        }
        chain.doFilter(request, response);
    }
}
