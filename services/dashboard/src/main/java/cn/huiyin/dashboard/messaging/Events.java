package cn.huiyin.dashboard.messaging;

import cn.huiyin.dashboard.domain.fact.Organisation;
import cn.huiyin.platform.messaging.inbound.MalformedEventException;

/** Small helpers the event readings share. */
final class Events {

    /** An organisation as the producers name it. */
    record Org(String id, String name, String type) {

        Organisation toFact() {
            return new Organisation(required(id, "organisation.id"), name, type);
        }
    }

    private Events() {
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new MalformedEventException("The event has no " + field, null);
        }
        return value;
    }

    static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
