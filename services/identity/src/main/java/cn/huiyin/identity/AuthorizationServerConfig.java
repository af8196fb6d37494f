package cn.huiyin.identity;

import static org.springframework.security.config.Customizer.withDefaults;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.util.StringUtils;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import cn.huiyin.identity.password.PasswordGrant;
import cn.huiyin.identity.password.PasswordGrantAuthenticationConverter;
import cn.huiyin.identity.password.PasswordGrantAuthenticationProvider;
import cn.huiyin.identity.password.PasswordGrantClientAuthenticationConverter;
import cn.huiyin.identity.password.PasswordGrantClientAuthenticationProvider;

/**
 * Spring Authorization Server with OpenID Connect, the demo users and the clients of the embedded stack (DEMO ONLY):
 * <ul>
 * <li>{@value #CLI_CLIENT}: public client of the command-line demos, DEMO-ONLY password grant (no secret);</li>
 * <li>{@value #CONSOLE_CLIENT}: public browser client, authorization code with PKCE;</li>
 * <li>{@value #SERVICES_CLIENT}: confidential client of the services, client credentials, role {@code service}.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class AuthorizationServerConfig {

    public static final String CLI_CLIENT = "huiyin-cli";

    public static final String CONSOLE_CLIENT = "huiyin-console";

    public static final String SERVICES_CLIENT = "huiyin-services";

    /** The role of the tokens of {@value #SERVICES_CLIENT}. */
    public static final String SERVICE_ROLE = "service";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerSecurityFilterChain(HttpSecurity http, IdentityProperties properties,
            RegisteredClientRepository clients, OAuth2AuthorizationService authorizationService,
            OAuth2TokenGenerator<? extends OAuth2Token> tokenGenerator, DemoUserDirectory users,
            PasswordEncoder passwordEncoder, HuiyinClaims claims) {
        boolean passwordGrant = properties.passwordGrantEnabled();
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(oidc -> oidc
                    .userInfoEndpoint(userInfo -> userInfo.userInfoMapper(claims::userInfo))
                    .providerConfigurationEndpoint(discovery -> discovery.providerConfigurationCustomizer(metadata -> {
                        // Public clients (none) exist; SAS does not list them by itself.
                        metadata.tokenEndpointAuthenticationMethod(ClientAuthenticationMethod.NONE.getValue());
                        metadata.scope(OidcScopes.PROFILE);
                        if (passwordGrant) {
                            metadata.grantType(PasswordGrant.PASSWORD.getValue());
                        }
                    })));
            server.authorizationServerMetadataEndpoint(endpoint -> endpoint.authorizationServerMetadataCustomizer(metadata -> {
                metadata.tokenEndpointAuthenticationMethod(ClientAuthenticationMethod.NONE.getValue());
                if (passwordGrant) {
                    metadata.grantType(PasswordGrant.PASSWORD.getValue());
                }
            }));
            // A public client (client_id only) may authenticate on a password grant request. Kept when the grant is
            // off, so that such a request gets "unsupported_grant_type" rather than a bare 401.
            server.clientAuthentication(clientAuthentication -> clientAuthentication
                    .authenticationConverter(new PasswordGrantClientAuthenticationConverter())
                    .authenticationProvider(new PasswordGrantClientAuthenticationProvider(clients)));
            if (passwordGrant) {
                DaoAuthenticationProvider userAuthentication = new DaoAuthenticationProvider(users);
                userAuthentication.setPasswordEncoder(passwordEncoder);
                server.tokenEndpoint(token -> token
                        .accessTokenRequestConverter(new PasswordGrantAuthenticationConverter())
                        .authenticationProvider(new PasswordGrantAuthenticationProvider(userAuthentication,
                                authorizationService, tokenGenerator)));
            }
        });
        http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated());
        // Bearer tokens for /userinfo.
        http.oauth2ResourceServer(resourceServer -> resourceServer.jwt(withDefaults()));
        http.cors(withDefaults());
        // Browsers without a session go to the login form.
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        http.exceptionHandling(exceptions -> exceptions
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), html));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain defaultSecurityFilterChain(HttpSecurity http) {
        http.authorizeHttpRequests(authorize -> authorize
                .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                .anyRequest().authenticated());
        http.formLogin(withDefaults());
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    DemoUserDirectory demoUserDirectory(IdentityProperties properties, ResourceLoader resourceLoader,
            PasswordEncoder passwordEncoder) {
        return new DemoUserDirectory(DemoUserDirectory.read(resourceLoader.getResource(properties.usersResource())),
                passwordEncoder);
    }

    @Bean
    HuiyinClaims huiyinClaims(DemoUserDirectory users) {
        return new HuiyinClaims(users);
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(IdentityProperties properties, PasswordEncoder passwordEncoder) {
        TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenTimeToLive()).build();
        RegisteredClient cli = RegisteredClient.withId(UUID.nameUUIDFromBytes(CLI_CLIENT.getBytes()).toString())
                .clientId(CLI_CLIENT)
                .clientName("Huiyin command-line demos (DEMO ONLY: password grant)")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(PasswordGrant.PASSWORD)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .tokenSettings(tokens)
                .build();
        RegisteredClient console = RegisteredClient.withId(UUID.nameUUIDFromBytes(CONSOLE_CLIENT.getBytes()).toString())
                .clientId(CONSOLE_CLIENT)
                .clientName("Huiyin console")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(properties.consoleRedirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(properties.consolePostLogoutRedirectUris()))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(tokens)
                .build();
        RegisteredClient services = RegisteredClient.withId(UUID.nameUUIDFromBytes(SERVICES_CLIENT.getBytes()).toString())
                .clientId(SERVICES_CLIENT)
                .clientName("Huiyin services")
                .clientSecret(passwordEncoder.encode(properties.servicesClientSecret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientSettings(ClientSettings.builder().setting(HuiyinClaims.CLIENT_ROLES_SETTING, List.of(SERVICE_ROLE)).build())
                .tokenSettings(tokens)
                .build();
        return new InMemoryRegisteredClientRepository(cli, console, services);
    }

    @Bean
    OAuth2AuthorizationService authorizationService() {
        return new InMemoryOAuth2AuthorizationService();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (StringUtils.hasText(properties.issuer())) {
            settings.issuer(properties.issuer());
        }
        return settings.build();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(IdentityProperties properties) {
        return new ImmutableJWKSet<>(new JWKSet(SigningKeyStore.loadOrCreate(properties.keyFile())));
    }

    @Bean
    JwtEncoder jwtEncoder(JWKSource<SecurityContext> jwkSource) {
        return new NimbusJwtEncoder(jwkSource);
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
    }

    @Bean
    OAuth2TokenGenerator<OAuth2Token> tokenGenerator(JwtEncoder jwtEncoder, HuiyinClaims claims) {
        JwtGenerator jwtGenerator = new JwtGenerator(jwtEncoder);
        jwtGenerator.setJwtCustomizer(claims);
        return new DelegatingOAuth2TokenGenerator(jwtGenerator, new OAuth2AccessTokenGenerator(),
                new OAuth2RefreshTokenGenerator());
    }

    /** Lets the browser console (another origin) call the token, JWKS and userinfo endpoints. */
    @Bean
    CorsConfigurationSource corsConfigurationSource(IdentityProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type"));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/oauth2/token", cors);
        source.registerCorsConfiguration("/oauth2/jwks", cors);
        source.registerCorsConfiguration("/userinfo", cors);
        source.registerCorsConfiguration("/.well-known/openid-configuration", cors);
        return source;
    }
}
