package cn.huiyin.notifications.domain;

/**
 * Where a message stands. QUEUED waits for its hour (quiet hours, back-off, rate limit); SENT was handed to a provider
 * that reports delivery later; DELIVERED reached its recipient (inbox, or a sink that is the handset); FAILED gave up
 * after the last retry; WITHHELD will never be sent because the worker opted out (退订); DIGESTED went to its staff
 * recipient as one line of the day's digest (每日汇总) instead of on its own.
 */
public enum DeliveryStatus {
    QUEUED,
    SENT,
    DELIVERED,
    FAILED,
    WITHHELD,
    DIGESTED;

    public boolean isFinal() {
        return this != QUEUED;
    }
}
