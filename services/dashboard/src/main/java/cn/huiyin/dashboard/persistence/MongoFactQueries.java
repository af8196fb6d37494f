package cn.huiyin.dashboard.persistence;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import cn.huiyin.dashboard.application.query.FactQueries;
import cn.huiyin.dashboard.domain.cell.Basis;
import cn.huiyin.dashboard.domain.fact.CaseFact;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * The facts of a territory and period, for the lists of cases behind a figure, read through the index on generation
 * and division (real MongoDB and the embedded server alike, ADR 0028); only lists of cases read facts, never a figure
 * (figures read the cells).
 */
@Repository
class MongoFactQueries implements FactQueries {

    private final MongoTemplate mongo;

    MongoFactQueries(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(FactDocument.class).createIndex(new Index().on("generation", Sort.Direction.ASC)
            .on("division", Sort.Direction.ASC).named("generation_division"));
    }

    @Override
    public void forEach(String generation, String scope, Basis basis, LocalDate from, LocalDate to,
                        Consumer<CaseFact> action) {
        mongo.stream(query(generation, scope, basis, from, to).with(Sort.by("grievanceId")), FactDocument.class)
            .forEach(document -> action.accept(document.fact));
    }

    @Override
    public long count(String generation, String scope, Basis basis, LocalDate from, LocalDate to) {
        return mongo.count(query(generation, scope, basis, from, to), FactDocument.class);
    }

    @Override
    public Optional<CaseFact> find(String generation, String grievanceId) {
        return Optional.ofNullable(mongo.findById(FactDocument.id(generation, grievanceId), FactDocument.class))
            .map(document -> document.fact);
    }

    static Query query(String generation, String scope, Basis basis, LocalDate from, LocalDate to) {
        String day = basis == Basis.CLOSED ? "closedDay" : "submittedDay";
        return new Query(Criteria.where("generation").is(generation)
            .and("division").regex("^" + Pattern.quote(scope))
            .and(day).gte(from.toString()).lte(to.toString()));
    }
}
