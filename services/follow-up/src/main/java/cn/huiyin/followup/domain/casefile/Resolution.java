package cn.huiyin.followup.domain.casefile;

import java.time.Instant;

/** 办结 of one handling round: how, the explanation the worker is given, the remedy, and whether it was in time. */
public record Resolution(int round, Instant resolvedAt, String by, ResolutionKind kind, String explanation,
                         Remedy remedy, boolean withinLimit, Instant callbackDueAt) {
}
