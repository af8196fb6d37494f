package cn.huiyin.platform.embedded;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;

/** Which wire-protocol commands only read: everything else is taken to write. */
final class Commands {

    private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "aggregate", "explain",
        "hello", "ismaster", "ping", "buildinfo", "listcollections", "listindexes", "listdatabases", "killcursors",
        "endsessions", "dbstats", "collstats", "serverstatus", "getlasterror", "getparameter", "connectionstatus",
        "whatsmyuri", "hostinfo", "getlog", "getcmdlineopts", "getfreemonitoringstatus");

    private Commands() {
    }

    /** Whether running {@code message} may change the store; true for anything not known to be a read. */
    static boolean mayWrite(Object message) {
        Document command = message instanceof MongoMessage m ? m.getDocument()
            : message instanceof MongoQuery q ? q.getQuery() : null;
        if (command == null || command.isEmpty()) {
            return true;
        }
        String name = command.keySet().iterator().next();
        if (!READS.contains(name.toLowerCase(Locale.ROOT))) {
            return true;
        }
        // An aggregation that ends in $out or $merge writes a collection.
        return "aggregate".equalsIgnoreCase(name) && command.get("pipeline") instanceof List<?> stages
            && stages.stream().anyMatch(stage -> stage instanceof Document d
                && (d.containsKey("$out") || d.containsKey("$merge")));
    }
}
