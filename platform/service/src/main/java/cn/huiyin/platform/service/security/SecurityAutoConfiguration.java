package cn.huiyin.platform.service.security;

import java.time.Clock;

import cn.huiyin.platform.kernel.access.Roles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every service is an OAuth 2 resource server: bearer JWTs from the configured issuer
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}), no sessions, no cookies (so no CSRF surface).
 * Who may call an endpoint is declared on the endpoint ({@link EndpointDeclarations}) and enforced before the
 * request body is read ({@link DeclaredRolesAuthorizationManager}). The probes and API documents are open, and the
 * metrics too unless {@code huiyin.security.public-metrics=false} (the production profile), when they need the
 * service or admin role; the other actuator endpoints, including {@code /actuator/access}, are for administrators.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration")
@EnableMethodSecurity(jsr250Enabled = true, prePostEnabled = true)
public class SecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain huiyinSecurity(HttpSecurity http, JsonMapper json,
                                       @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mapping,
                                       @Value("${huiyin.security.public-metrics:true}") boolean publicMetrics)
        throws Exception {
        ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint(json);
        http
            .authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                .requestMatchers("/actuator/prometheus").access(publicMetrics ? (a, c) -> new AuthorizationDecision(true)
                    : AuthorityAuthorizationManager.hasAnyRole(Roles.ADMIN, Roles.SERVICE))
                .requestMatchers("/actuator/**").hasRole(Roles.ADMIN)
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                // Endpoints declare their own rule (@RolesAllowed / @PermitAll); enforced here, before the body
                // is read, and again by method security.
                .anyRequest().access(new DeclaredRolesAuthorizationManager(mapping::getObject)))
            .oauth2ResourceServer(resourceServer -> resourceServer
                .jwt(jwt -> jwt.jwtAuthenticationConverter(new HuiyinJwtConverter()))
                .authenticationEntryPoint(problems)
                .accessDeniedHandler(problems))
            .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(csrf -> csrf.disable())
            .requestCache(cache -> cache.disable())
            .formLogin(form -> form.disable())
            .httpBasic(basic -> basic.disable());
        return http.build();
    }

    /** Every {@link JwtDecoder} (Spring Boot's, from the issuer) remembers the tokens it verified until they expire. */
    @Bean
    static BeanPostProcessor verifiedTokensDecorator(ObjectProvider<Clock> clock) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokens)
                    ? new VerifiedTokens(decoder, clock.getIfAvailable(Clock::systemUTC)) : bean;
            }
        };
    }

    @Bean
    EndpointDeclarations endpointDeclarations(ApplicationContext context) {
        return new EndpointDeclarations(context);
    }

    @Bean
    AccessEndpoint accessEndpoint(EndpointDeclarations declarations) {
        return new AccessEndpoint(declarations);
    }
}
