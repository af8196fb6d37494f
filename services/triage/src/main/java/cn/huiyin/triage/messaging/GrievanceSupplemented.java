package cn.huiyin.triage.messaging;

import java.time.Instant;

/** Triage's reading of intake's {@code cn.huiyin.intake.GrievanceSupplemented.v1}. */
record GrievanceSupplemented(String grievanceId, Instant supplementedAt, String by, String text, int evidenceCount) {
}
