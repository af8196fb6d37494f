package cn.huiyin.jointmeeting.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.huiyin.jointmeeting.application.TrackedGrievances;
import cn.huiyin.jointmeeting.domain.grievance.TrackedGrievance;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Joint-meeting's records of triage's cases, one document per grievance written whole: a repeat writes the same
 * document again. The complaint counts of the effectiveness check are counted over these.
 */
@Repository
class MongoTrackedGrievances implements TrackedGrievances {

    @Document("grievances")
    static class GrievanceDocument {
        @Id
        String id;
        TrackedGrievance grievance;
        String category;
        String divisionCode;
        Instant triagedAt;
    }

    private final MongoTemplate mongo;

    MongoTrackedGrievances(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<TrackedGrievance> find(String grievanceId) {
        return Optional.ofNullable(mongo.findById(grievanceId, GrievanceDocument.class)).map(d -> d.grievance);
    }

    @Override
    public List<TrackedGrievance> findAll(Collection<String> grievanceIds) {
        return mongo.find(new Query(Criteria.where("_id").in(grievanceIds)), GrievanceDocument.class).stream()
            .map(d -> d.grievance).toList();
    }

    @Override
    public void save(TrackedGrievance grievance) {
        GrievanceDocument document = new GrievanceDocument();
        document.id = grievance.grievanceId();
        document.grievance = grievance;
        document.category = grievance.category();
        document.divisionCode = grievance.divisionCode();
        document.triagedAt = grievance.triagedAt();
        mongo.save(document);
    }

    @Override
    public long countTriaged(String category, String divisionPrefix, Instant from, Instant to) {
        return mongo.count(new Query(Criteria.where("category").is(category)
            .and("divisionCode").regex("^" + Pattern.quote(divisionPrefix))
            .and("triagedAt").gte(from).lt(to)), GrievanceDocument.class);
    }
}
