package cn.huiyin.triage;

import cn.huiyin.platform.service.HuiyinService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Triage (分拨): classification, routing, deadlines. Configuration: {@code triage.yml}. */
@SpringBootApplication
@HuiyinService("triage")
public class TriageApplication {

    public static void main(String[] args) {
        SpringApplication.run(TriageApplication.class, args);
    }
}
