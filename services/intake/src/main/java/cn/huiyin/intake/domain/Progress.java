package cn.huiyin.intake.domain;

import java.time.Instant;

/** One step of the grievance's history as the worker sees it: when, what, in Chinese and English. */
public record Progress(Instant at, GrievanceStatus status, String noteZh, String noteEn) {
}
