package cn.huiyin.stack;

import java.util.ArrayList;
import java.util.List;

/** A service's command-line arguments on the embedded stack: its port, the stack's servers, where the others are. */
final class ServiceArguments {

    private ServiceArguments() {
    }

    static List<String> of(StackLayout.ServiceSpec spec, StackLayout layout) {
        List<String> command = new ArrayList<>();
        command.addAll(List.of(
            "--server.port=" + spec.port(),
            "--huiyin.messaging.bootstrap-servers=" + layout.kafkaBootstrap(),
            "--huiyin.mongodb.uri=" + layout.mongoUri(),
            // One consumer thread per binding on one machine (ADR 0039): three made ~57 consumers in the shared JVM,
            // each fetching, committing and sending heartbeats; topics keep six partitions for compose and k8s.
            "--spring.cloud.stream.default.consumer.concurrency=1",
            // The service exits if this launcher dies without stopping it (killed, crashed).
            "--huiyin.embedded.parent-pid=" + ProcessHandle.current().pid()));
        if (spec.name().equals("identity")) {
            // The provider's signing key lives with the rest of the stack's data, so tokens survive restarts.
            command.add("--huiyin.identity.key-file=" + layout.dataDir().resolve("identity").resolve("signing-key.json"));
            command.add("--huiyin.identity.issuer=" + layout.identityIssuer());
            int console = layout.servicePort("console");
            if (console > 0) {
                // The console signs users in wherever HUIYIN_PORT_OFFSET put it.
                command.add("--huiyin.identity.console-redirect-uris=http://127.0.0.1:" + console
                    + "/login/oauth2/code/huiyin,http://localhost:" + console + "/login/oauth2/code/huiyin");
                command.add("--huiyin.identity.console-post-logout-redirect-uris=http://127.0.0.1:" + console
                    + "/signed-out,http://localhost:" + console + "/signed-out");
            }
        } else {
            command.add("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + layout.identityIssuer());
        }
        if (spec.name().equals("notifications")) {
            // sms.log lives with the stack's data, e-mail goes to the launcher's SMTP receiver; the token and intake's
            // contact endpoint on their ports.
            command.add("--huiyin.notifications.sink-directory=" + layout.dataDir().resolve("notifications"));
            command.add("--spring.mail.host=127.0.0.1");
            command.add("--spring.mail.port=" + layout.smtpPort());
            command.add("--huiyin.notifications.token-url=" + layout.identityIssuer() + "/oauth2/token");
            layout.services().stream().filter(s -> s.name().equals("intake")).findFirst().ifPresent(intake ->
                command.add("--huiyin.notifications.intake-url=http://127.0.0.1:" + intake.port()));
        }
        if (spec.name().equals("console")) {
            command.add("--huiyin.console.issuer=" + layout.identityIssuer());
            command.add("--huiyin.console.public-url=http://127.0.0.1:" + spec.port());
            layout.services().stream().filter(s -> !s.name().equals("console") && !s.name().equals("identity"))
                .forEach(s -> command.add("--huiyin.console.services." + s.name() + "=http://127.0.0.1:" + s.port()));
        }
        if (spec.name().equals("follow-up")) {
            // The worker's rating is checked by intake's self-service, wherever HUIYIN_PORT_OFFSET put it.
            layout.services().stream().filter(s -> s.name().equals("intake")).findFirst().ifPresent(intake ->
                command.add("--huiyin.follow-up.intake-url=http://127.0.0.1:" + intake.port()));
        }
        return command;
    }
}
