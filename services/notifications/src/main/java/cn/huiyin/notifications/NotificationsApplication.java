package cn.huiyin.notifications;

import cn.huiyin.platform.service.HuiyinService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Notifications (事事有回音): the worker hears back at every stage, staff get their reminders. Configuration: {@code notifications.yml}. */
@SpringBootApplication
@HuiyinService("notifications")
public class NotificationsApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationsApplication.class, args);
    }
}
