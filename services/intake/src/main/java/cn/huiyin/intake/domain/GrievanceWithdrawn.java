package cn.huiyin.intake.domain;

import java.time.Instant;

/** The worker withdrew an open grievance. Published as {@code cn.huiyin.intake.GrievanceWithdrawn.v1}. */
public record GrievanceWithdrawn(String grievanceId, Instant withdrawnAt, String by, String reason) {
}
