package cn.huiyin.jointmeeting;

import cn.huiyin.platform.service.HuiyinService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Joint meetings (联席会商): agenda, participants, decisions, action items. Configuration: {@code joint-meeting.yml}. */
@SpringBootApplication
@HuiyinService("joint-meeting")
public class JointMeetingApplication {

    public static void main(String[] args) {
        SpringApplication.run(JointMeetingApplication.class, args);
    }
}
