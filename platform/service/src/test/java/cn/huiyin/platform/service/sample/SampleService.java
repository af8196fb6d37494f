package cn.huiyin.platform.service.sample;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import cn.huiyin.platform.service.HuiyinService;
import cn.huiyin.platform.service.audit.AuditScopes;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;

/** The smallest Huiyin service: everything it has comes from the platform, plus a health switch for tests. */
@SpringBootApplication
@HuiyinService("sample")
public class SampleService {

    public static final AtomicReference<Status> SWITCH = new AtomicReference<>(Status.UP);

    /** Where the sample's grievances lie: 龙泉驿区 (510112), 锦江区 (510104) and Zigong (510300), another city. */
    public static final Map<String, String> PLACES = Map.of(
        "HY-20261122-000777", "510112002",
        "HY-20261122-000701", "510112002",
        "HY-20261122-000702", "510104001",
        "HY-20261122-000703", "510300001");

    @Bean
    AuditScopes places() {
        return grievanceId -> Optional.ofNullable(PLACES.get(grievanceId));
    }

    @Bean("switch")
    HealthIndicator switchHealth() {
        return () -> Health.status(SWITCH.get()).build();
    }
}
