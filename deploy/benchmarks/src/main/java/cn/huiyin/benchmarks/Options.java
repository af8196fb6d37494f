package cn.huiyin.benchmarks;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} command-line options of a benchmark. */
record Options(Map<String, String> values) {

    static Options parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Expected --option value, got " + args[i]);
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
        return new Options(values);
    }

    /** Prints {@code help} and says so when the arguments ask for it ({@code --help}). */
    static boolean helpAsked(String[] args, String help) {
        if (java.util.List.of(args).contains("--help")) {
            System.out.print(help);
            return true;
        }
        return false;
    }

    /**
     * The start of a benchmark that wants quiet logs: {@code null} when {@code --help} was asked (the help is printed),
     * else the parsed options with the libraries' logs turned down to warnings.
     */
    static Options quietUnlessHelp(String[] args, String help) {
        if (helpAsked(args, help)) {
            return null;
        }
        quietLogs();
        return parse(args);
    }

    /** Only warnings from the libraries, so that the benchmark's own progress and figures stay readable. */
    static void quietLogs() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
            .setLevel(ch.qos.logback.classic.Level.WARN);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }
}
