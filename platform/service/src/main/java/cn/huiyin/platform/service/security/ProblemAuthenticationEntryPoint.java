package cn.huiyin.platform.service.security;

import java.io.IOException;

import cn.huiyin.platform.service.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 as bilingual problem details, with the standard {@code WWW-Authenticate: Bearer ...} header still set
 * by Spring Security's own handlers.
 */
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();
    private final JsonMapper json;

    public ProblemAuthenticationEntryPoint(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
        throws IOException {
        bearerEntryPoint.commence(request, response, e);
        boolean tokenGiven = request.getHeader("Authorization") != null;
        ProblemDetail problem = Problems.of(HttpStatus.UNAUTHORIZED, null,
            tokenGiven ? "访问令牌无效或已过期，请重新登录" : "请先登录：需要 Bearer 访问令牌",
            tokenGiven ? "The access token is invalid or expired; sign in again"
                : "Sign in first: a Bearer access token is required");
        Problems.write(request, response, problem, json);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
        throws IOException {
        bearerDenied.handle(request, response, e);
        ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, null, "您的角色无权执行此操作",
            "Your role is not allowed to do this");
        Problems.write(request, response, problem, json);
    }
}
