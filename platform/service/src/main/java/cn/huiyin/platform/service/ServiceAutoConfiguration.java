package cn.huiyin.platform.service;

import java.time.Clock;

import cn.huiyin.platform.messaging.ActorProvider;
import cn.huiyin.platform.service.audit.AuditController;
import cn.huiyin.platform.service.audit.AuditScopes;
import cn.huiyin.platform.service.audit.AuditTrail;
import cn.huiyin.platform.service.ratelimit.RateLimitInterceptor;
import cn.huiyin.platform.service.ratelimit.RateLimitProperties;
import cn.huiyin.platform.service.ratelimit.RateLimits;
import cn.huiyin.platform.service.security.ActingAs;
import cn.huiyin.platform.service.security.CurrentUser;
import cn.huiyin.platform.service.security.FieldCipher;
import cn.huiyin.platform.service.security.FieldEncryptionProperties;
import cn.huiyin.platform.service.validation.BilingualMessages;
import cn.huiyin.platform.service.web.FieldByFieldBinding;
import cn.huiyin.platform.service.web.ProblemDetailsAdvice;
import cn.huiyin.platform.service.web.ProblemErrorReportValve;
import cn.huiyin.platform.service.web.RequestSizeLimitFilter;
import cn.huiyin.platform.service.web.StrictJsonInput;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import jakarta.validation.Validator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web side of every Huiyin service: problem details, bilingual validation messages, strict JSON, size limits,
 * rate limits for public endpoints, the audit trail and, where keys are configured, field-level encryption.
 */
@AutoConfiguration
@EnableConfigurationProperties({WebProperties.class, RateLimitProperties.class, FieldEncryptionProperties.class})
public class ServiceAutoConfiguration {

    /**
     * State changes are attributed to whoever a public endpoint names ({@link ActingAs}), else the user whose token
     * made the request, else {@code system}.
     */
    @Bean
    ActorProvider tokenActor() {
        return () -> ActingAs.current().orElseGet(CurrentUser::nameOrSystem);
    }

    @Bean
    AuditTrail auditTrail(MongoTemplate mongo, Clock clock, @Value("${spring.application.name}") String service,
                          ObjectProvider<AuditScopes> scopes) {
        return new AuditTrail(mongo, clock, service, scopes.getIfAvailable());
    }

    @Bean
    AuditController auditController(AuditTrail trail, JsonMapper json) {
        return new AuditController(trail, json);
    }

    @Bean
    @ConditionalOnExpression("'${huiyin.security.field-encryption.key:}' != '' "
        + "or '${huiyin.security.field-encryption.active-key:}' != ''")
    FieldCipher fieldCipher(FieldEncryptionProperties properties) {
        return properties.cipher();
    }

    @Bean
    @ConditionalOnProperty("huiyin.embedded.parent-pid")
    ParentProcessWatch parentProcessWatch(@Value("${huiyin.embedded.parent-pid}") long parentPid,
                                          ApplicationContext context) {
        return new ParentProcessWatch(parentPid, context);
    }

    @Bean
    RateLimits rateLimits(RateLimitProperties properties) {
        return properties.toRateLimits();
    }

    @Bean
    WebMvcConfigurer rateLimitedEndpoints(RateLimits limits) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new RateLimitInterceptor(limits));
            }
        };
    }

    @Bean
    BilingualMessages bilingualMessages() {
        return new BilingualMessages();
    }

    @Bean
    ValidationConfigurationCustomizer bilingualValidationMessages(BilingualMessages messages) {
        return configuration -> configuration.messageInterpolator(messages.interpolator());
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice(BilingualMessages messages, ObjectProvider<Validator> validator) {
        return new ProblemDetailsAdvice(messages, validator::getIfAvailable);
    }

    @Bean
    FieldByFieldBinding fieldByFieldBinding(JsonMapper json) {
        return new FieldByFieldBinding(json);
    }

    @Bean
    StrictJsonInput strictJsonInput() {
        return new StrictJsonInput();
    }

    /** Tomcat's own error responses (a malformed URI, a bad header) as problem details too: see the valve. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports(JsonMapper json) {
        return factory -> factory.addContextCustomizers(context -> {
            Pipeline host = context.getParent().getPipeline();
            for (Valve valve : host.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.removeValve(valve);
                }
            }
            host.addValve(new ProblemErrorReportValve(json));
            // The host adds a valve of this class at start-up unless one is there: ours is.
            ((StandardHost) context.getParent()).setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        });
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(WebProperties properties, JsonMapper json) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
            new RequestSizeLimitFilter(properties.maxRequestSize().toBytes(), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
