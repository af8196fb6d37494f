package cn.huiyin.intake.domain;

import java.time.Instant;

/**
 * Information or evidence was added to an open grievance. Published as
 * {@code cn.huiyin.intake.GrievanceSupplemented.v1}.
 *
 * @param by            WORKER or STAFF
 * @param evidenceCount evidence files on the grievance after this addition
 */
public record GrievanceSupplemented(String grievanceId, Instant supplementedAt, String by, String text,
                                    int evidenceCount) {
}
