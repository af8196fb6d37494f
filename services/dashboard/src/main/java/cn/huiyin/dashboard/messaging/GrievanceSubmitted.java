package cn.huiyin.dashboard.messaging;

import java.time.Instant;

/** The dashboard's reading of intake's {@code cn.huiyin.intake.GrievanceSubmitted.v1}: only what it counts. */
record GrievanceSubmitted(Instant submittedAt, String channel, String category, Worker worker, Location location) {

    record Worker(String group) {
    }

    record Location(String divisionCode) {
    }
}
