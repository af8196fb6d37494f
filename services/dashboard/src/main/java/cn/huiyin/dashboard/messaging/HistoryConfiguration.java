package cn.huiyin.dashboard.messaging;

import cn.huiyin.dashboard.application.rebuild.History;
import cn.huiyin.platform.messaging.EventJson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The topics' history for rebuilds, read from the broker the live consumers read. */
@Configuration(proxyBeanMethods = false)
class HistoryConfiguration {

    @Bean
    History history(@Value("${huiyin.messaging.bootstrap-servers}") String bootstrapServers, EventJson json,
                    @Value("${huiyin.dashboard.rebuild.batch-size:2000}") int batchSize) {
        return new KafkaHistory(bootstrapServers, json, batchSize);
    }
}
