package cn.huiyin.platform.service.sample;

import java.util.concurrent.atomic.AtomicReference;

import cn.huiyin.platform.service.HuiyinService;
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

    @Bean("switch")
    HealthIndicator switchHealth() {
        return () -> Health.status(SWITCH.get()).build();
    }
}
