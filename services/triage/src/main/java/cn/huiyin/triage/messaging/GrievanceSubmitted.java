package cn.huiyin.triage.messaging;

import java.time.Instant;

/**
 * Triage's reading of intake's {@code cn.huiyin.intake.GrievanceSubmitted.v1}: the fields it uses, nothing more
 * (others are ignored, so intake can add fields freely).
 */
record GrievanceSubmitted(String grievanceId, Instant submittedAt, String channel, Worker worker, boolean confidential,
                          String category, String description, Location location) {

    record Worker(String workerRef, String group, String platformOrEmployer) {
    }

    record Location(String divisionCode, String address) {
    }
}
