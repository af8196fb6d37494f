package cn.huiyin.dashboard.application.projection;

import cn.huiyin.dashboard.domain.fact.CaseFact;

/**
 * An event applied to a fact whose cells may not all have been counted yet: kept in the fact's own write, with the
 * fact before and after it, until the cells are done. If the process dies in between, the same record is delivered
 * again (same slot and offset) and its cell deltas are re-derived from here; cells that already counted it skip it.
 *
 * @param before the fact before the event, or null if the event created it
 */
public record Pending(long offset, CaseFact before, CaseFact after) {
}
