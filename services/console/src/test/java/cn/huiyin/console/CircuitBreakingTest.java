package cn.huiyin.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import cn.huiyin.console.application.Service;
import cn.huiyin.console.application.ServiceUnavailable;
import cn.huiyin.console.remote.HttpServices;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The console's calls to a failing service: a 5xx is a failure, a 4xx an answer; after a run of failures the circuit
 * opens and later calls fail at once without reaching the service.
 */
class CircuitBreakingTest {

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void fourFailuresOpenTheCircuitAndTheServiceIsNotAskedAgain() throws IOException {
        AtomicInteger asked = new AtomicInteger();
        HttpServices services = servicesAt(answering(asked, 503));

        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> services.postAnonymously(Service.INTAKE, "/api/public/grievances/lookup", "{}", Map.of()))
                .isInstanceOf(ServiceUnavailable.class);
        }
        assertThatThrownBy(() -> services.postAnonymously(Service.INTAKE, "/api/public/grievances/lookup", "{}", Map.of()))
            .isInstanceOf(ServiceUnavailable.class).hasMessageContaining("circuit open");
        assertThat(asked).hasValue(4);
    }

    @Test
    void aRefusalIsAnAnswerNotAFailure() throws IOException {
        AtomicInteger asked = new AtomicInteger();
        HttpServices services = servicesAt(answering(asked, 404));

        for (int i = 0; i < 6; i++) {
            assertThat(services.postAnonymously(Service.INTAKE, "/api/public/grievances/lookup", "{}", Map.of()).status())
                .isEqualTo(404);
        }
        assertThat(asked).hasValue(6);
    }

    private int answering(AtomicInteger asked, int status) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            asked.incrementAndGet();
            byte[] body = "{\"title\":\"x\"}".getBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server.getAddress().getPort();
    }

    private static HttpServices servicesAt(int port) {
        String url = "http://127.0.0.1:" + port;
        ConsoleProperties properties = new ConsoleProperties("http://127.0.0.1:1", "http://127.0.0.1:1/logout",
            "http://127.0.0.1:8080", new ConsoleProperties.Services(url, url, url, url, url, url), Duration.ofSeconds(2));
        return new HttpServices(properties, null);
    }
}
