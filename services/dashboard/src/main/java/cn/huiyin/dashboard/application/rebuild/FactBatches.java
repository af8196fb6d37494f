package cn.huiyin.dashboard.application.rebuild;

import java.util.Collection;
import java.util.Map;

import cn.huiyin.dashboard.domain.fact.CaseFact;

/**
 * Facts written many at a time by a rebuild, the only writer of its generation until it goes live (port). Each fact
 * remembers the events applied to it exactly as the live consumers' writes do, so that after the hand-over a live
 * consumer recognises an event the rebuild already applied.
 */
public interface FactBatches {

    /** The facts of these grievances that exist in the generation. */
    Map<String, BatchFact> load(String generation, Collection<String> grievanceIds);

    BatchFact create(String generation, String grievanceId);

    void store(Collection<BatchFact> facts);

    /** A fact being rebuilt, with its memory of applied events. */
    interface BatchFact {

        CaseFact fact();

        boolean hasApplied(EventIdentity event);

        void markApplied(EventIdentity event);
    }
}
