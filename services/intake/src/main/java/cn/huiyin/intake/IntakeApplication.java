package cn.huiyin.intake;

import cn.huiyin.platform.service.HuiyinService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Intake (问题收集): the first step of the loop. Configuration: {@code intake.yml}. */
@SpringBootApplication
@HuiyinService("intake")
public class IntakeApplication {

    public static void main(String[] args) {
        SpringApplication.run(IntakeApplication.class, args);
    }
}
