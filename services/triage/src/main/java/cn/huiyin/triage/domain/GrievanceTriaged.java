package cn.huiyin.triage.domain;

import java.time.Instant;
import java.util.List;

/**
 * Triage classified a grievance, or an officer re-classified it (分类定级). Published as
 * {@code cn.huiyin.triage.GrievanceTriaged.v1}; {@code revision} counts up with every re-classification, so readers
 * keep the latest.
 */
public record GrievanceTriaged(String grievanceId, Instant triagedAt, int revision, String category,
                               String categoryName, CategorySource categorySource, double confidence,
                               List<String> matchedTerms, Urgency urgency, List<RuleRef> urgencyReasons,
                               boolean needsJointReview, List<RuleRef> jointReviewReasons, Integer workersAffected,
                               String workerGroup, String divisionCode, List<String> probableDuplicateOf,
                               Instant responseDueAt, Instant resolutionDueAt, String deadlinePolicy,
                               String reason) {
}
