package cn.huiyin.triage;

import java.time.Clock;

import cn.huiyin.triage.application.ReceiveSubmittedGrievance;
import cn.huiyin.triage.application.TriageCases;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires triage's use cases, which are plain Java, to their adapters. */
@Configuration(proxyBeanMethods = false)
class TriageConfiguration {

    @Bean
    ReceiveSubmittedGrievance receiveSubmittedGrievance(TriageCases cases, Clock clock) {
        return new ReceiveSubmittedGrievance(cases, clock);
    }
}
