package cn.huiyin.notifications.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

import cn.huiyin.notifications.application.MessageChannel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An append-only file of messages, one JSON line each, that a developer can read ({@code tail -f sms.log}): what the
 * embedded stack has instead of an SMS provider (e-mail goes over SMTP, ADR 0026). Like a provider that deduplicates on the client's
 * message id, it writes a notification id once only, so a crash between writing and recording sends nothing twice.
 */
final class FileSink {

    private static final JsonMapper JSON = new JsonMapper();

    private final Path file;
    private final Set<String> written = new HashSet<>();

    FileSink(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    idOf(line).ifPresent(written::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open message sink " + file, e);
        }
    }

    /** A line cut short by a crash while it was written is no message: skipped, and the message written again. */
    private static java.util.Optional<String> idOf(String line) {
        try {
            return line.isBlank() ? java.util.Optional.empty()
                : java.util.Optional.of(JSON.readTree(line).path("id").asString()).filter(id -> !id.isEmpty());
        } catch (tools.jackson.core.JacksonException cutShort) {
            return java.util.Optional.empty();
        }
    }

    /** @return true if written now, false if this notification was written before */
    synchronized boolean append(ObjectNode line) {
        String id = line.path("id").asString();
        if (written.contains(id)) {
            return false;
        }
        try {
            Files.writeString(file, line.toString() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new MessageChannel.Unavailable("Cannot write to " + file, e);
        }
        written.add(id);
        return true;
    }

    static ObjectNode line() {
        return JSON.createObjectNode();
    }

    static JsonNode parse(String line) {
        return JSON.readTree(line);
    }

    Path file() {
        return file;
    }
}
