package cn.huiyin.platform.embedded;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many commands of each kind each collection received, and how many statements they carried (an insert of
 * 10 documents is one command, 10 statements), logged when the server stops. Switched on with
 * {@code -Dhuiyin.embedded.command-tally=true}, for the scale benchmarks: what the loop asks of the store per
 * grievance is the first thing to look at when its cost is.
 */
final class CommandTally {

    static final String PROPERTY = "huiyin.embedded.command-tally";
    private static final Logger log = LoggerFactory.getLogger(CommandTally.class);

    private final Map<String, LongAdder[]> counts = new ConcurrentHashMap<>();

    /** A tally if the property asks for one, else null. */
    static CommandTally ifRequested() {
        return Boolean.getBoolean(PROPERTY) ? new CommandTally() : null;
    }

    void count(Object message) {
        if (!(message instanceof MongoMessage m) || m.getDocument() == null || m.getDocument().isEmpty()) {
            return;
        }
        Document command = m.getDocument();
        String name = command.keySet().iterator().next().toLowerCase(Locale.ROOT);
        Object collection = command.get(command.keySet().iterator().next());
        String key = m.getDatabaseName() + "." + (collection instanceof String c ? c : "-") + " " + name;
        LongAdder[] adders = counts.computeIfAbsent(key, k -> new LongAdder[] {new LongAdder(), new LongAdder()});
        adders[0].increment();
        adders[1].add(statements(command));
    }

    private static int statements(Document command) {
        for (String field : List.of("documents", "updates", "deletes")) {
            if (command.get(field) instanceof List<?> list) {
                return list.size();
            }
        }
        return 1;
    }

    /** Logs the tally, most frequent first. */
    void report() {
        log.info("Commands received: {}", summary());
    }

    /** How many commands in all, then a line per collection and command (commands, statements), most first. */
    String summary() {
        Map<Long, StringBuilder> byCount = new TreeMap<>(Comparator.reverseOrder());
        long total = 0;
        for (Map.Entry<String, LongAdder[]> entry : new TreeMap<>(counts).entrySet()) {
            long n = entry.getValue()[0].sum();
            total += n;
            byCount.computeIfAbsent(n, k -> new StringBuilder())
                .append(String.format("%n%10d %10d  %s", n, entry.getValue()[1].sum(), entry.getKey()));
        }
        StringBuilder lines = new StringBuilder(total + " in all (commands, statements, collection and command):");
        byCount.values().forEach(lines::append);
        return lines.toString();
    }
}
