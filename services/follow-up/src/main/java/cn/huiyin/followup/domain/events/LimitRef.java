package cn.huiyin.followup.domain.events;

import java.time.Instant;

import cn.huiyin.followup.domain.clock.Limit;
import cn.huiyin.followup.domain.clock.LimitKind;

/** A time limit as events name it: which one, since when, due when. */
public record LimitRef(String id, LimitKind kind, Instant startedAt, Instant dueAt) {

    public static LimitRef of(Limit limit) {
        return new LimitRef(limit.id(), limit.kind(), limit.startedAt(), limit.dueAt());
    }
}
