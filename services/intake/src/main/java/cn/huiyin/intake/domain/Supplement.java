package cn.huiyin.intake.domain;

import java.time.Instant;

/** Information added to an open grievance (补充). {@code by} is WORKER or STAFF; {@code text} is null once erased. */
public record Supplement(Instant at, String by, String text) {
}
