package cn.huiyin.followup;

import cn.huiyin.platform.service.HuiyinService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Tracked supervision (跟踪督办) and evaluation (成效评估): clocks, reminders, escalation, callbacks, closure. Configuration: {@code follow-up.yml}. */
@SpringBootApplication
@HuiyinService("follow-up")
public class FollowUpApplication {

    public static void main(String[] args) {
        SpringApplication.run(FollowUpApplication.class, args);
    }
}
