package cn.huiyin.followup.domain.casefile;

import java.time.Instant;

/** 先行联系: when and how the handling organisation first reached the worker, and whether that was in time. */
public record FirstContact(Instant contactedAt, Instant recordedAt, String by, ContactChannel channel, String note,
                           boolean withinLimit) {
}
