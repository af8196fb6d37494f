package cn.huiyin.platform.service;

import cn.huiyin.platform.service.validation.BilingualMessages;
import cn.huiyin.platform.service.web.ProblemDetailsAdvice;
import cn.huiyin.platform.service.web.RequestSizeLimitFilter;
import cn.huiyin.platform.service.web.StrictJsonInput;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** The web side of every Huiyin service: problem details, bilingual validation messages, strict JSON, size limits. */
@AutoConfiguration
@EnableConfigurationProperties(WebProperties.class)
public class ServiceAutoConfiguration {

    @Bean
    BilingualMessages bilingualMessages() {
        return new BilingualMessages();
    }

    @Bean
    ValidationConfigurationCustomizer bilingualValidationMessages(BilingualMessages messages) {
        return configuration -> configuration.messageInterpolator(messages.interpolator());
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice(BilingualMessages messages) {
        return new ProblemDetailsAdvice(messages);
    }

    @Bean
    StrictJsonInput strictJsonInput() {
        return new StrictJsonInput();
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(WebProperties properties, JsonMapper json) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
            new RequestSizeLimitFilter(properties.maxRequestSize().toBytes(), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
