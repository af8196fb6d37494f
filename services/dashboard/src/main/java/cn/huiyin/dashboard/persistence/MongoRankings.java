package cn.huiyin.dashboard.persistence;

import java.util.List;
import java.util.Optional;

import cn.huiyin.dashboard.application.ranking.RankingSnapshot;
import cn.huiyin.dashboard.application.ranking.RankingStore;
import cn.huiyin.dashboard.domain.ranking.Correction;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Frozen rankings ({@code _id} = {@code <scope>|<month>}) and corrections ({@code _id} = {@code <month>|<grievance>}),
 * both insert-only: the id makes a second freeze or a second correction of the same case a no-op, never an overwrite.
 */
@Repository
class MongoRankings implements RankingStore {

    private static final String SNAPSHOTS = "ranking_snapshots";
    private static final String CORRECTIONS = "ranking_corrections";

    record SnapshotDocument(@Id String id, RankingSnapshot snapshot) {
    }

    record CorrectionDocument(@Id String id, String month, Correction correction) {
    }

    private final MongoTemplate mongo;

    MongoRankings(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<RankingSnapshot> snapshot(String scope, String month) {
        return Optional.ofNullable(mongo.findById(scope + "|" + month, SnapshotDocument.class, SNAPSHOTS))
            .map(SnapshotDocument::snapshot);
    }

    @Override
    public RankingSnapshot freeze(RankingSnapshot snapshot) {
        try {
            mongo.insert(new SnapshotDocument(snapshot.scope() + "|" + snapshot.month(), snapshot), SNAPSHOTS);
            return snapshot;
        } catch (DuplicateKeyException alreadyFrozen) {
            return snapshot(snapshot.scope(), snapshot.month()).orElseThrow();
        }
    }

    @Override
    public List<Correction> corrections(String month) {
        return mongo.find(new Query(Criteria.where("month").is(month)).with(Sort.by("_id")), CorrectionDocument.class,
            CORRECTIONS).stream().map(CorrectionDocument::correction).toList();
    }

    @Override
    public boolean addCorrection(Correction correction) {
        try {
            mongo.insert(new CorrectionDocument(correction.month() + "|" + correction.grievanceId(), correction.month(),
                correction), CORRECTIONS);
            return true;
        } catch (DuplicateKeyException alreadyCorrected) {
            return false;
        }
    }
}
