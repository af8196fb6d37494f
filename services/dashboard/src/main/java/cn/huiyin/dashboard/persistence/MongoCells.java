package cn.huiyin.dashboard.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import cn.huiyin.dashboard.application.projection.CellStore;
import cn.huiyin.dashboard.application.projection.Position;
import cn.huiyin.dashboard.domain.cell.CellGroup;
import cn.huiyin.dashboard.domain.cell.CellKey;
import cn.huiyin.dashboard.domain.cell.Keys;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Cells in MongoDB, one document per generation, territory, period and breakdown ({@code _id} =
 * {@link CellKey#id}): {@code rows.<row>.<counter>} are the sums, {@code offsets.<slot>} the highest offset per
 * topic-partition whose deltas the cell took. Every write goes by {@code _id}; the guard on the offset sits in the same
 * filter, so a record delivered again finds the cell past it and adds nothing.
 */
@Repository
class MongoCells implements CellStore {

    static final String COLLECTION = "cells";

    private final MongoTemplate mongo;

    MongoCells(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("generation", Sort.Direction.ASC)
            .on("period", Sort.Direction.ASC).on("group", Sort.Direction.ASC).named("generation_period_group"));
    }

    @Override
    public void apply(String generation, Map<CellKey, Map<String, Long>> deltas, Position position) {
        deltas.forEach((key, fields) -> {
            Map<String, Long> offsets = position == null ? Map.of() : Map.of(position.slot(), position.offset());
            add(generation, key, fields, offsets, position != null);
        });
    }

    @Override
    public void addBatch(String generation, Map<CellKey, Map<String, Long>> deltas, Map<String, Long> highestOffsets) {
        deltas.forEach((key, fields) -> add(generation, key, fields, highestOffsets, false));
    }

    private void add(String generation, CellKey key, Map<String, Long> fields, Map<String, Long> offsets,
                     boolean guarded) {
        String id = key.id(generation);
        Update update = new Update();
        fields.forEach((field, value) -> update.inc("rows." + field, value));
        Criteria filter = Criteria.where("_id").is(id);
        if (guarded) {
            Map.Entry<String, Long> slot = offsets.entrySet().iterator().next();
            String field = "offsets." + Keys.escape(slot.getKey());
            filter = filter.orOperator(Criteria.where(field).exists(false), Criteria.where(field).lt(slot.getValue()));
            update.set(field, slot.getValue());
        } else {
            offsets.forEach((slot, offset) -> update.max("offsets." + Keys.escape(slot), offset));
        }
        if (mongo.updateFirst(new Query(filter), update, COLLECTION).getMatchedCount() > 0) {
            return;
        }
        if (!mongo.exists(new Query(Criteria.where("_id").is(id)), COLLECTION)) {
            try {
                mongo.insert(fresh(id, generation, key, fields, offsets), COLLECTION);
                return;
            } catch (DuplicateKeyException meanwhile) {
                // Another event created the cell first: add to it below.
            }
        }
        // The cell exists (it may have been created since the first try): the guarded update decides.
        mongo.updateFirst(new Query(filter), update, COLLECTION);
    }

    private static Document fresh(String id, String generation, CellKey key, Map<String, Long> fields,
                                  Map<String, Long> offsets) {
        Document rows = new Document();
        fields.forEach((field, value) -> {
            int dot = field.lastIndexOf('.');
            Document row = (Document) rows.computeIfAbsent(field.substring(0, dot), k -> new Document());
            row.put(field.substring(dot + 1), value);
        });
        Document slots = new Document();
        offsets.forEach((slot, offset) -> slots.put(Keys.escape(slot), offset));
        return new Document("_id", id).append("generation", generation).append("scope", key.scope())
            .append("period", key.period()).append("group", key.group().code()).append("rows", rows)
            .append("offsets", slots);
    }

    @Override
    public Set<String> scopes(String generation, String period, CellGroup group) {
        Query query = scopesQuery(generation, period, group);
        Set<String> scopes = new TreeSet<>();
        mongo.find(query, Document.class, COLLECTION).forEach(d -> scopes.add(d.getString("scope")));
        return scopes;
    }

    /** The territories with a cell of this period and breakdown: index {@code generation_period_group}. */
    static Query scopesQuery(String generation, String period, CellGroup group) {
        Query query = new Query(Criteria.where("generation").is(generation).and("period").is(period)
            .and("group").is(group.code()));
        query.fields().include("scope");
        return query;
    }

    @Override
    public Map<CellKey, Map<String, Map<String, Long>>> read(String generation, Collection<CellKey> keys) {
        Map<String, CellKey> byId = new HashMap<>();
        keys.forEach(key -> byId.put(key.id(generation), key));
        Map<CellKey, Map<String, Map<String, Long>>> cells = new LinkedHashMap<>();
        List<Document> found = mongo.find(new Query(Criteria.where("_id").in(byId.keySet())), Document.class,
            COLLECTION);
        for (Document document : found) {
            Map<String, Map<String, Long>> rows = new LinkedHashMap<>();
            Document stored = document.get("rows", Document.class);
            if (stored != null) {
                stored.forEach((row, counters) -> {
                    Map<String, Long> values = new LinkedHashMap<>();
                    ((Document) counters).forEach((code, value) -> values.put(code, ((Number) value).longValue()));
                    rows.put(row, values);
                });
            }
            cells.put(byId.get(document.getString("_id")), rows);
        }
        return cells;
    }
}
