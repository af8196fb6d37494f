package cn.huiyin.identity.password;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.StringUtils;

/**
 * DEMO ONLY: reads a token request with {@code grant_type=password}, {@code username}, {@code password} and an
 * optional {@code scope}. Registered on the token endpoint; the client has already been authenticated by then.
 */
public final class PasswordGrantAuthenticationConverter implements AuthenticationConverter {

    private static final String ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc6749#section-5.2";

    private static final Set<String> NOT_ADDITIONAL = Set.of(OAuth2ParameterNames.GRANT_TYPE,
            OAuth2ParameterNames.CLIENT_ID, OAuth2ParameterNames.CLIENT_SECRET, OAuth2ParameterNames.SCOPE,
            PasswordGrant.USERNAME, PasswordGrant.PASSWORD_PARAMETER);

    @Override
    public Authentication convert(HttpServletRequest request) {
        if (!PasswordGrant.PASSWORD.getValue().equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))) {
            return null;
        }
        String username = single(request, PasswordGrant.USERNAME);
        String password = single(request, PasswordGrant.PASSWORD_PARAMETER);
        Set<String> scopes = new LinkedHashSet<>();
        String scope = request.getParameter(OAuth2ParameterNames.SCOPE);
        if (scope != null) {
            if (request.getParameterValues(OAuth2ParameterNames.SCOPE).length != 1) {
                throw invalidRequest(OAuth2ParameterNames.SCOPE);
            }
            scopes.addAll(Arrays.asList(StringUtils.delimitedListToStringArray(scope.trim(), " ")));
            scopes.remove("");
        }
        Map<String, Object> additional = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!NOT_ADDITIONAL.contains(name)) {
                additional.put(name, values.length == 1 ? values[0] : List.of(values));
            }
        });
        Authentication clientPrincipal = SecurityContextHolder.getContext().getAuthentication();
        return new PasswordGrantAuthenticationToken(clientPrincipal, username, password, scopes, additional);
    }

    private static String single(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        if (values == null || values.length != 1 || !StringUtils.hasText(values[0])) {
            throw invalidRequest(name);
        }
        return values[0];
    }

    private static OAuth2AuthenticationException invalidRequest(String parameter) {
        return new OAuth2AuthenticationException(
                new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, "OAuth 2.0 Parameter: " + parameter, ERROR_URI));
    }
}
