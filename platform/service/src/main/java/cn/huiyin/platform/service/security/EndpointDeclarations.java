package cn.huiyin.platform.service.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of a Huiyin service declares who may call it: {@code @RolesAllowed} (which roles; jurisdiction is
 * then checked by the use case) or {@code @PermitAll} (public, e.g. the worker's self-service). A service with an
 * undeclared endpoint refuses to start, so no endpoint is ever born unprotected.
 */
public class EndpointDeclarations implements SmartInitializingSingleton {

    /** One endpoint and what it declares. {@code roles} is empty for a public endpoint. */
    public record Endpoint(Set<String> methods, Set<String> paths, Set<String> consumes, boolean isPublic,
                           Set<String> roles, String handler) {
    }

    private final ApplicationContext context;
    private final List<Endpoint> endpoints = new ArrayList<>();

    public EndpointDeclarations(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> undeclared = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            mapping.getHandlerMethods().forEach((info, handler) -> {
                if (!handler.getBeanType().getName().startsWith("cn.huiyin.")) {
                    return;
                }
                Endpoint endpoint = describe(info, handler);
                if (endpoint == null) {
                    undeclared.add(handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName());
                } else {
                    endpoints.add(endpoint);
                }
            });
        }
        if (!undeclared.isEmpty()) {
            throw new IllegalStateException("Endpoints without @RolesAllowed or @PermitAll: " + undeclared
                + ". Every endpoint must declare who may call it.");
        }
    }

    public List<Endpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    private static Endpoint describe(RequestMappingInfo info, HandlerMethod handler) {
        boolean isPublic = DeclaredRolesAuthorizationManager.isPublic(handler);
        RolesAllowed roles = DeclaredRolesAuthorizationManager.rolesAllowed(handler);
        if (roles == null && !isPublic) {
            return null;
        }
        Set<String> methods = info.getMethodsCondition().getMethods().stream().map(Enum::name)
            .collect(java.util.stream.Collectors.toSet());
        Set<String> consumes = info.getConsumesCondition().getConsumableMediaTypes().stream()
            .map(Object::toString).collect(java.util.stream.Collectors.toSet());
        return new Endpoint(methods, info.getPatternValues(), consumes, isPublic,
            isPublic ? Set.of() : Set.of(roles.value()),
            handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName());
    }
}
