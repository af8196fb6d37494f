package cn.huiyin.dashboard;

import cn.huiyin.dashboard.application.CountSubmissions;
import cn.huiyin.dashboard.application.IntakeTallies;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the dashboard's use cases, which are plain Java, to their adapters. */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

    @Bean
    CountSubmissions countSubmissions(IntakeTallies tallies) {
        return new CountSubmissions(tallies);
    }
}
