package cn.huiyin.followup.domain.casefile;

import java.time.Instant;

/** 补充材料: what the handling organisation asked the worker for, and when the worker answered. */
public record MaterialRequest(String requestId, Instant requestedAt, String by, String materials, Instant answeredAt) {

    public boolean isOpen() {
        return answeredAt == null;
    }

    MaterialRequest answered(Instant at) {
        return new MaterialRequest(requestId, requestedAt, by, materials, at);
    }
}
