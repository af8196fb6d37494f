package cn.huiyin.triage.messaging;

import java.time.Instant;

/** Triage's reading of intake's {@code cn.huiyin.intake.GrievanceWithdrawn.v1}. */
record GrievanceWithdrawn(String grievanceId, Instant withdrawnAt, String by, String reason) {
}
