package cn.huiyin.followup.domain.casefile;

import java.time.Instant;

/** 结案: when, how, and by whom or what (an agent, the worker's rating, intake's withdrawal, triage's merge). */
public record Closure(Instant closedAt, ClosureOutcome outcome, String by, String mergedInto) {
}
