package cn.huiyin.console;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the console finds the identity provider and the services (prefix {@code huiyin.console}, environment
 * {@code HUIYIN_CONSOLE_*}).
 *
 * @param issuer the OpenID Connect provider the users sign in with
 * @param endSessionUri the provider's end-session endpoint, as the browser reaches it
 * @param publicUrl the console's own address as the browser sees it (QR codes on receipts point there)
 * @param services the base URL of each service's API
 * @param callTimeout how long a page waits for one service before it shows that part as unavailable
 */
@ConfigurationProperties("huiyin.console")
public record ConsoleProperties(
        @DefaultValue("http://127.0.0.1:9000") String issuer,
        @DefaultValue("http://127.0.0.1:9000/connect/logout") String endSessionUri,
        @DefaultValue("http://127.0.0.1:8080") String publicUrl,
        @DefaultValue Services services,
        @DefaultValue("4s") Duration callTimeout) {

    public record Services(
            @DefaultValue("http://127.0.0.1:8081") String intake,
            @DefaultValue("http://127.0.0.1:8082") String triage,
            @DefaultValue("http://127.0.0.1:8083") String jointMeeting,
            @DefaultValue("http://127.0.0.1:8084") String followUp,
            @DefaultValue("http://127.0.0.1:8085") String dashboard,
            @DefaultValue("http://127.0.0.1:8086") String notifications) {
    }
}
