package cn.huiyin.identity.password;

import org.springframework.security.oauth2.core.AuthorizationGrantType;

/** DEMO ONLY: constants of the resource owner password credentials grant. */
public final class PasswordGrant {

    /** {@code grant_type=password}. */
    public static final AuthorizationGrantType PASSWORD = new AuthorizationGrantType("password");

    public static final String USERNAME = "username";

    public static final String PASSWORD_PARAMETER = "password";

    private PasswordGrant() {
    }
}
