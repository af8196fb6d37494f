package cn.huiyin.triage.domain;

import java.time.Instant;

/**
 * A triage officer merged a probable duplicate into the worker's earlier grievance (合并); this one is closed and
 * followed up under {@code mergedInto}. Published as {@code cn.huiyin.triage.GrievanceMerged.v1}.
 */
public record GrievanceMerged(String grievanceId, String mergedInto, Instant mergedAt, String reason) {
}
