package cn.huiyin.platform.messaging.outbox;

/** Some events of a publishing round were not acknowledged; they stay in their documents for the next round. */
class OutboxPublishException extends RuntimeException {

    OutboxPublishException(int aggregates) {
        super(aggregates + " aggregate(s) still have unacknowledged events");
    }
}
