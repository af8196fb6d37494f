package cn.huiyin.triage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Where every triage scenario starts: the service on its test port and a kit that files, reads and acts on cases. */
abstract class TriageScenario {

    @LocalServerPort
    int port;

    TriageTestKit kit;

    @BeforeEach
    void openKit() {
        kit = new TriageTestKit(port);
    }

    @AfterEach
    void closeKit() {
        kit.close();
    }
}
