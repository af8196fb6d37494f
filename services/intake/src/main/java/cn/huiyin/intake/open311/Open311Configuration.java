package cn.huiyin.intake.open311;

import cn.huiyin.contracts.reference.ReferenceData;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Wires the Open311 GeoReport v2 endpoints (ADR 0013). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Open311Properties.class)
class Open311Configuration {

    @Bean
    ServiceCatalog open311ServiceCatalog(ReferenceData referenceData) {
        return ServiceCatalog.load(referenceData, ServiceRequestForm.ATTRIBUTES, ServiceRequestForm.REQUIRED_EVERYWHERE);
    }

    @Bean
    Open311Clients open311Clients(Open311Properties properties) {
        return new Open311Clients(properties.clients());
    }

    /** Before the platform's size filter (HIGHEST_PRECEDENCE + 10), which would answer in RFC 9457. */
    @Bean
    FilterRegistrationBean<Open311RequestSizeFilter> open311RequestSizeFilter(Open311Properties properties) {
        FilterRegistrationBean<Open311RequestSizeFilter> registration = new FilterRegistrationBean<>(
            new Open311RequestSizeFilter(properties.maxRequestSize().toBytes()));
        registration.addUrlPatterns("/open311/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }
}
