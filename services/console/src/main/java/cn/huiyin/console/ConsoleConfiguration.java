package cn.huiyin.console;

import java.time.Clock;

import cn.huiyin.console.application.ReferenceData;
import cn.huiyin.console.application.Services;
import cn.huiyin.console.remote.HttpServices;
import cn.huiyin.console.remote.RelayedToken;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

/** The console's collaborators: the clock and the services over HTTP with the user's token relayed. */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ReferenceData referenceData() {
        return ReferenceData.load();
    }

    @Bean
    Services services(ConsoleProperties properties, OAuth2AuthorizedClientRepository clients, Clock clock) {
        return new HttpServices(properties, new RelayedToken(clients, clock));
    }
}
