package cn.huiyin.notifications.application;

import java.time.Instant;

/**
 * Port: the worker's choice to hear no more than the acceptance (退订), kept per grievance by notifications, which is
 * the one service that sends to workers (ADR 0024). A pure upsert, the latest choice wins.
 */
public interface Consents {

    void record(String grievanceId, boolean optedOut, Instant at, String by);

    boolean optedOut(String grievanceId);
}
