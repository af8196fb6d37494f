package cn.huiyin.platform.service.security;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Enforces an endpoint's {@code @RolesAllowed} / {@code @PermitAll} in the security filter chain, before Spring MVC
 * reads the request body: a caller without the role gets 401/403, never a validation error that would tell them
 * about the endpoint. Requests no Huiyin endpoint handles (unknown paths, Swagger UI) are left to Spring MVC.
 */
public class DeclaredRolesAuthorizationManager implements AuthorizationManager<RequestAuthorizationContext> {

    private final Supplier<RequestMappingHandlerMapping> mapping;

    public DeclaredRolesAuthorizationManager(Supplier<RequestMappingHandlerMapping> mapping) {
        this.mapping = mapping;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                                         RequestAuthorizationContext context) {
        HandlerMethod handler;
        try {
            handler = handlerFor(context.getRequest());
        } catch (HttpMediaTypeException partialMatch) {
            // The path names an endpoint, but not in this media type: say so only to someone signed in.
            return new AuthorizationDecision(isSignedIn(authentication.get()));
        }
        if (handler == null || !handler.getBeanType().getName().startsWith("cn.huiyin.")) {
            return new AuthorizationDecision(true);
        }
        if (isPublic(handler)) {
            return new AuthorizationDecision(true);
        }
        RolesAllowed roles = rolesAllowed(handler);
        Authentication caller = authentication.get();
        if (roles == null || !isSignedIn(caller)) {
            return new AuthorizationDecision(false);
        }
        List<String> allowed = Arrays.stream(roles.value()).map(role -> "ROLE_" + role).toList();
        return new AuthorizationDecision(caller.getAuthorities().stream()
            .anyMatch(authority -> allowed.contains(authority.getAuthority())));
    }

    /** A method's own declaration wins over its class's. */
    static RolesAllowed rolesAllowed(HandlerMethod handler) {
        if (AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PermitAll.class)) {
            return null;
        }
        RolesAllowed roles = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RolesAllowed.class);
        return roles != null ? roles : AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RolesAllowed.class);
    }

    static boolean isPublic(HandlerMethod handler) {
        return AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PermitAll.class)
            || AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RolesAllowed.class) == null
            && AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PermitAll.class);
    }

    private static boolean isSignedIn(Authentication caller) {
        return caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken);
    }

    private HandlerMethod handlerFor(HttpServletRequest request) throws HttpMediaTypeException {
        try {
            HandlerExecutionChain chain = mapping.get().getHandler(request);
            return chain != null && chain.getHandler() instanceof HandlerMethod method ? method : null;
        } catch (HttpMediaTypeException partialMatch) {
            throw partialMatch;
        } catch (Exception noHandler) {
            // Unknown path or wrong method: Spring MVC answers these with a problem response.
            return null;
        }
    }
}
