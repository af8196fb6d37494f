package cn.huiyin.platform.messaging.cloudevents;

/** A record that is not a valid CloudEvent in Kafka binary mode. Retrying it cannot help. */
public class InvalidCloudEventException extends RuntimeException {

    public InvalidCloudEventException(String message) {
        super("Not a CloudEvent in Kafka binary mode: " + message);
    }
}
