package cn.huiyin.dashboard.application.ranking;

import java.util.List;
import java.util.Optional;

import cn.huiyin.dashboard.domain.ranking.Correction;

/** Frozen monthly rankings and their corrections (port); kept outside projection generations, never rebuilt. */
public interface RankingStore {

    Optional<RankingSnapshot> snapshot(String scope, String month);

    /** Stores a snapshot unless one exists; returns the one that is stored. */
    RankingSnapshot freeze(RankingSnapshot snapshot);

    List<Correction> corrections(String month);

    /** Records a correction; false if the case was already corrected out of that month. */
    boolean addCorrection(Correction correction);
}
