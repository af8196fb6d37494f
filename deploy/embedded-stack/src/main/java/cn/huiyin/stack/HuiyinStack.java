package cn.huiyin.stack;

import java.util.Arrays;

/**
 * Entry point of {@code ./huiyin}: {@code up} runs the embedded stack, {@code dlq} lists and replays dead letters.
 */
public final class HuiyinStack {

    private HuiyinStack() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "up" : args[0];
        String[] rest = args.length == 0 ? new String[0] : Arrays.copyOfRange(args, 1, args.length);
        int exit = switch (command) {
            case "up" -> new StackCommand(StackLayout.fromEnvironment()).run();
            case "dlq" -> new DeadLetterCommand(StackLayout.fromEnvironment()).run(rest);
            case "token" -> new TokenCommand().run(rest);
            case "help", "-h", "--help" -> help();
            default -> {
                System.err.println("Unknown command '" + command + "'.");
                yield help() + 2;
            }
        };
        System.exit(exit);
    }

    private static int help() {
        System.out.println("""
            Usage: ./huiyin <command>

              up                         start Kafka, MongoDB and every service; Ctrl-C stops them
              token <user> [password]    print an access token for a demo user (e.g. window-clerk)
              dlq list [topic]           list dead-letter topics, or the records in one
              dlq replay <topic> [offset ...]
                                         send dead letters back to their original topic (all, or those offsets)

            Environment: HUIYIN_DATA_DIR (default ./data), HUIYIN_KAFKA_PORT (9092), HUIYIN_MONGO_PORT (27017), HUIYIN_SMTP_PORT (2525),
            HUIYIN_SERVICES (comma list; default all), HUIYIN_SERVICE_JVM_OPTS (JVM options for each service).""");
        return 0;
    }
}
