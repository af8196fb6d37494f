package cn.huiyin.dashboard;

import cn.huiyin.platform.service.HuiyinService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Read models for leaders (成效评估看板): closure, response and satisfaction rates. Configuration: {@code dashboard.yml}. */
@SpringBootApplication
@HuiyinService("dashboard")
public class DashboardApplication {

    public static void main(String[] args) {
        SpringApplication.run(DashboardApplication.class, args);
    }
}
