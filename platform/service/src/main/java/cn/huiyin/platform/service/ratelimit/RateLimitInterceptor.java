package cn.huiyin.platform.service.ratelimit;

import cn.huiyin.platform.service.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Applies {@link RateLimited} per client address or signed-in user before the endpoint runs. */
public class RateLimitInterceptor implements HandlerInterceptor {

    private final RateLimits limits;

    public RateLimitInterceptor(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            RateLimited limited = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RateLimited.class);
            if (limited == null) {
                limited = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RateLimited.class);
            }
            if (limited != null) {
                limits.acquire(limited.value(), key(limited.per(), request));
            }
        }
        return true;
    }

    private static String key(RateLimited.Per per, HttpServletRequest request) {
        if (per == RateLimited.Per.USER) {
            var user = CurrentUser.get();
            if (user.isPresent()) {
                return "user:" + user.get().username();
            }
        }
        return "address:" + request.getRemoteAddr();
    }
}
