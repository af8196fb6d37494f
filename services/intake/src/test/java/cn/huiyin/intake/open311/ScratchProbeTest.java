package cn.huiyin.intake.open311;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@ServiceTest
class ScratchProbeTest {
    @LocalServerPort
    int port;

    @Test
    void probe() {
        HttpJson http = HttpJson.at(port).withHeader("X-Forwarded-For", "192.0.2.200");
        String docs = HttpJson.at(port).get("/v3/api-docs").body();
        System.out.println("APIDOCS status paths: " + docs.replaceAll(".*\"paths\":\\{", "").substring(0, 0));
        for (String p : new String[]{"/open311/discovery.{format}", "/open311/v2/services.{format}", "/open311/v2/requests.{format}", "/open311/**"}) {
            System.out.println("APIDOCS has " + p + ": " + docs.contains("\"" + p + "\""));
        }
        System.out.println("HEAD: " + http.send(http.builder("/open311/v2/services.json").method("HEAD", HttpRequest.BodyPublishers.noBody()).build()).status());
        HttpJson.Response options = http.send(http.builder("/open311/v2/requests.json").method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        System.out.println("OPTIONS: " + options.status() + " " + options.headers());
        System.out.println("BEARER: " + http.as(TestUser.of("admin")).get("/open311/v2/services.json").status());
        System.out.println("BADBEARER: " + http.withToken("garbage").get("/open311/v2/services.json").status());
        String form = Open311ClientTest.encode(Open311ClientTest.riderInsuranceClaim());
        HttpJson.Response filed = http.postWithContentType("/open311/v2/requests.xml", "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
        System.out.println("FILED XML:\n" + filed.body());
        String id = filed.body().replaceAll("(?s).*<service_request_id>([^<]*)<.*", "$1");
        System.out.println("GET JSON:\n" + http.get("/open311/v2/requests/" + id + ".json?api_key=demo-only-open311-key").body());
        System.out.println("GET XML:\n" + http.get("/open311/v2/requests/" + id + ".xml?api_key=demo-only-open311-key").body());
        System.out.println("DEF:\n" + http.get("/open311/v2/services/INJURY_INSURANCE.json").body().substring(0, 1500));
        System.out.println("ERR:\n" + http.postWithContentType("/open311/v2/requests.xml", "application/x-www-form-urlencoded",
            "api_key=demo-only-open311-key&service_code=WAGES&phone=123".getBytes(StandardCharsets.UTF_8)).body());
        System.out.println("SERVICES:\n" + http.get("/open311/v2/services.json").body().substring(0, 600));
        System.out.println("DISCOVERY:\n" + http.get("/open311/discovery.xml").body());
        System.out.println("PLAIN404: " + http.get("/open311/v2/requests/abc.json?api_key=demo-only-open311-key").body());
        System.out.println("ACCESS: " + HttpJson.at(port).as(TestUser.of("admin")).get("/actuator/access").body().replaceAll("\\},\\{", "},\n{").lines().filter(l -> l.contains("open311")).toList());
    }
}
