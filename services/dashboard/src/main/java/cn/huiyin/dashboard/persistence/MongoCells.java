package cn.huiyin.dashboard.persistence;

import java.util.ArrayList;
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
import com.mongodb.bulk.BulkWriteError;
import org.bson.Document;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
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
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;

    MongoCells(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("generation", Sort.Direction.ASC)
            .on("period", Sort.Direction.ASC).on("group", Sort.Direction.ASC).named("generation_period_group"));
    }

    /**
     * One request for all of an event's cells (a round trip and a durable acknowledgement each, instead of one per
     * cell): each cell is upserted behind its offset guard. A cell that already took this record does not match the
     * guard, so its upsert collides with the cell's own {@code _id}; those cells, and a cell another consumer created
     * meanwhile, are settled one by one below, where the guard decides.
     */
    @Override
    public void apply(String generation, Map<CellKey, Map<String, Long>> deltas, Position position) {
        Map<String, Long> offsets = position == null ? Map.of() : Map.of(position.slot(), position.offset());
        boolean guarded = position != null;
        List<Map.Entry<CellKey, Map<String, Long>>> cells = List.copyOf(deltas.entrySet());
        for (int index : upsertAll(generation, cells, offsets, guarded)) {
            Map.Entry<CellKey, Map<String, Long>> cell = cells.get(index);
            add(generation, cell.getKey(), cell.getValue(), offsets, guarded);
        }
    }

    /**
     * A rebuild is its generation's only writer, so it adds in memory: the batch's cells are read in one request,
     * summed, and written back whole in another (mongo-java-server spends most of an update's time resolving each
     * {@code $inc} path of a cell with hundreds of counters; a whole document costs one encoding).
     */
    @Override
    public void addBatch(String generation, Map<CellKey, Map<String, Long>> deltas, Map<String, Long> highestOffsets) {
        if (deltas.isEmpty()) {
            return;
        }
        Map<String, CellKey> byId = new LinkedHashMap<>();
        deltas.keySet().forEach(key -> byId.put(key.id(generation), key));
        Map<String, Document> stored = new HashMap<>();
        mongo.find(new Query(Criteria.where("_id").in(byId.keySet())), Document.class, COLLECTION)
            .forEach(document -> stored.put(document.getString("_id"), document));
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        byId.forEach((id, key) -> {
            Document cell = stored.get(id);
            if (cell == null) {
                cell = fresh(id, generation, key, deltas.get(key), highestOffsets);
            } else {
                addTo(cell, deltas.get(key), highestOffsets);
            }
            bulk.replaceOne(new Query(Criteria.where("_id").is(id)), cell, FindAndReplaceOptions.options().upsert());
        });
        bulk.execute();
    }

    private static void addTo(Document cell, Map<String, Long> fields, Map<String, Long> offsets) {
        Document rows = (Document) cell.computeIfAbsent("rows", k -> new Document());
        fields.forEach((field, value) -> {
            int dot = field.lastIndexOf('.');
            Document row = (Document) rows.computeIfAbsent(field.substring(0, dot), k -> new Document());
            row.merge(field.substring(dot + 1), value, (a, b) -> ((Number) a).longValue() + ((Number) b).longValue());
        });
        Document slots = (Document) cell.computeIfAbsent("offsets", k -> new Document());
        offsets.forEach((slot, offset) -> slots.merge(Keys.escape(slot), offset,
            (a, b) -> Math.max(((Number) a).longValue(), ((Number) b).longValue())));
    }

    /** Upserts the cells in one unordered request; returns the positions of those that collided on their _id. */
    private List<Integer> upsertAll(String generation, List<Map.Entry<CellKey, Map<String, Long>>> cells,
                                    Map<String, Long> offsets, boolean guarded) {
        if (cells.isEmpty()) {
            return List.of();
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        for (Map.Entry<CellKey, Map<String, Long>> cell : cells) {
            CellKey key = cell.getKey();
            Update update = change(cell.getValue(), offsets, guarded)
                .setOnInsert("generation", generation).setOnInsert("scope", key.scope())
                .setOnInsert("period", key.period()).setOnInsert("group", key.group().code());
            bulk.upsert(new Query(guard(key.id(generation), offsets, guarded)), update);
        }
        try {
            bulk.execute();
            return List.of();
        } catch (BulkOperationException collided) {
            List<Integer> again = new ArrayList<>();
            for (BulkWriteError error : collided.getErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw collided;
                }
                again.add(error.getIndex());
            }
            return again;
        }
    }

    private void add(String generation, CellKey key, Map<String, Long> fields, Map<String, Long> offsets,
                     boolean guarded) {
        String id = key.id(generation);
        Update update = change(fields, offsets, guarded);
        Criteria filter = guard(id, offsets, guarded);
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

    /** The cell by id; guarded: only if it has not applied this slot's record (one slot) at this offset or later. */
    private static Criteria guard(String id, Map<String, Long> offsets, boolean guarded) {
        Criteria filter = Criteria.where("_id").is(id);
        if (guarded) {
            Map.Entry<String, Long> slot = offsets.entrySet().iterator().next();
            String field = "offsets." + Keys.escape(slot.getKey());
            filter = filter.orOperator(Criteria.where(field).exists(false), Criteria.where(field).lt(slot.getValue()));
        }
        return filter;
    }

    /** The sums to add and the offsets to record. */
    private static Update change(Map<String, Long> fields, Map<String, Long> offsets, boolean guarded) {
        Update update = new Update();
        fields.forEach((field, value) -> update.inc("rows." + field, value));
        if (guarded) {
            Map.Entry<String, Long> slot = offsets.entrySet().iterator().next();
            update.set("offsets." + Keys.escape(slot.getKey()), slot.getValue());
        } else {
            offsets.forEach((slot, offset) -> update.max("offsets." + Keys.escape(slot), offset));
        }
        return update;
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
