package cn.huiyin.platform.service.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.LoggerFactory;

/** A stand-in service for {@link ServiceHostTest}: reports what its class loader sees and what it was given. */
public final class HostedMain {

    private HostedMain() {
    }

    public static void main(String[] args) throws IOException {
        LoggerFactory.getLogger(HostedMain.class).info("started with {}", String.join(" ", args));
        String seen;
        try (InputStream whoami = Thread.currentThread().getContextClassLoader().getResourceAsStream("whoami.txt")) {
            seen = whoami == null ? "(none)" : new String(whoami.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.writeString(Path.of(args[0]), seen + " " + String.join(" ", args));
    }
}
