package cn.huiyin.dashboard.domain.cell;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.huiyin.dashboard.domain.fact.CaseFact;

/**
 * What one case adds to the cells: for each cell it falls in, the counters it contributes there
 * ({@code <row key>.<counter code>} → value). A function of the case's fact alone.
 *
 * <p>An event changes a fact; what it does to the cells is the {@link #delta} between the fact's contribution after and
 * before it. Summed over a grievance's events the deltas telescope to the contribution of the final fact, whatever the
 * order the topics delivered them in — which is why a projection rebuilt from history equals the live one.
 */
public final class Contribution {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Grain[] GRAINS = {Grain.DAY, Grain.MONTH};

    private Contribution() {
    }

    public static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, BEIJING);
    }

    /** The counters {@code fact} contributes per cell; empty until intake's submission is known. */
    public static Map<CellKey, Map<String, Long>> of(CaseFact fact) {
        Map<CellKey, Map<String, Long>> cells = new HashMap<>();
        if (fact == null || !fact.isCounted()) {
            return cells;
        }
        List<String> scopes = Scopes.of(fact.division());
        place(cells, fact, scopes, day(fact.submittedAt()), counters(fact, Basis.SUBMITTED), true);
        if (fact.closedAt() != null) {
            place(cells, fact, scopes, day(fact.closedAt()), counters(fact, Basis.CLOSED), false);
        }
        placePerOrganisation(cells, fact, scopes, day(fact.submittedAt()));
        return cells;
    }

    /** What an event that turned {@code before} (null: no fact yet) into {@code after} adds to each cell. */
    public static Map<CellKey, Map<String, Long>> delta(CaseFact before, CaseFact after) {
        Map<CellKey, Map<String, Long>> plus = of(after);
        Map<CellKey, Map<String, Long>> minus = of(before);
        Map<CellKey, Map<String, Long>> delta = new LinkedHashMap<>();
        plus.forEach((key, added) -> {
            Map<String, Long> removed = minus.getOrDefault(key, Map.of());
            Map<String, Long> fields = new LinkedHashMap<>();
            added.forEach((name, value) -> {
                long change = value - removed.getOrDefault(name, 0L);
                if (change != 0) {
                    fields.put(name, change);
                }
            });
            removed.forEach((name, value) -> {
                if (!added.containsKey(name) && value != 0) {
                    fields.put(name, -value);
                }
            });
            if (!fields.isEmpty()) {
                delta.put(key, fields);
            }
        });
        minus.forEach((key, removed) -> {
            if (!plus.containsKey(key)) {
                Map<String, Long> fields = new LinkedHashMap<>();
                removed.forEach((name, value) -> {
                    if (value != 0) {
                        fields.put(name, -value);
                    }
                });
                if (!fields.isEmpty()) {
                    delta.put(key, fields);
                }
            }
        });
        return delta;
    }

    /** The counters of one basis, by code (histogram buckets included), without zeros. */
    public static Map<String, Long> counters(CaseFact fact, Basis basis) {
        Map<String, Long> counters = new LinkedHashMap<>();
        for (Counter counter : Counter.values()) {
            if (counter.basis() == basis && !counter.perOrganisation()) {
                long value = counter.of(fact);
                if (value != 0) {
                    counters.put(counter.code(), value);
                }
            }
        }
        if (basis == Basis.SUBMITTED) {
            for (TimeHistogram histogram : TimeHistogram.values()) {
                counters.putAll(histogram.of(fact));
            }
        }
        return counters;
    }

    /** The row keys a case is counted under in a cell of {@code group} for territory {@code scope}. */
    public static List<String> rowKeys(CaseFact fact, CellGroup group, String scope) {
        List<String> keys = new ArrayList<>();
        switch (group) {
            case ALL -> keys.add(Keys.ALL);
            case ORG -> keys.add(fact.lead() == null ? Keys.UNASSIGNED : Keys.escape(fact.lead().id()));
            case DIMS -> {
                keys.add(Dimension.WORKER_GROUP.key(fact.workerGroup()));
                keys.add(Dimension.CATEGORY.key(fact.category()));
                keys.add(Dimension.CHANNEL.key(fact.channel()));
                keys.add(Dimension.ENTERPRISE.key(fact.enterprise()));
                String child = Scopes.childOf(scope, fact.division());
                if (child != null) {
                    keys.add(Dimension.DIVISION.key(child));
                }
            }
            case HOT -> {
                String street = Scopes.streetOf(fact.division());
                if (street != null) {
                    keys.add(Hotspots.categoryStreet(fact.category(), street));
                }
                if (!CaseFact.UNKNOWN.equals(fact.enterprise())) {
                    keys.add(Hotspots.categoryEnterprise(fact.category(), fact.enterprise()));
                }
            }
        }
        return keys;
    }

    private static void place(Map<CellKey, Map<String, Long>> cells, CaseFact fact, List<String> scopes, LocalDate day,
                              Map<String, Long> counters, boolean submitted) {
        if (counters.isEmpty()) {
            return;
        }
        // Most row keys recur in every scope and grain: their field names are built once per call.
        Map<String, Map<String, Long>> fieldsByRow = new HashMap<>();
        for (String scope : scopes) {
            for (Grain grain : GRAINS) {
                String period = grain.key(day);
                for (CellGroup group : List.of(CellGroup.ALL, CellGroup.ORG, CellGroup.DIMS)) {
                    for (String key : rowKeys(fact, group, scope)) {
                        add(cells, new CellKey(scope, period, group),
                            fieldsByRow.computeIfAbsent(key, k -> prefixed(k, counters)));
                    }
                }
            }
            if (submitted && counters.containsKey(Counter.RECEIVED.code())) {
                Map<String, Long> received = Map.of(Counter.RECEIVED.code(), counters.get(Counter.RECEIVED.code()));
                for (String key : rowKeys(fact, CellGroup.HOT, scope)) {
                    add(cells, new CellKey(scope, Grain.MONTH.key(day), CellGroup.HOT), prefixed(key, received));
                }
            }
        }
    }

    private static void placePerOrganisation(Map<CellKey, Map<String, Long>> cells, CaseFact fact, List<String> scopes,
                                             LocalDate day) {
        for (Counter counter : List.of(Counter.ASSIGNED_TO, Counter.RETURNED_BY)) {
            for (String organisation : counter.organisations(fact)) {
                for (String scope : scopes) {
                    for (Grain grain : GRAINS) {
                        add(cells, new CellKey(scope, grain.key(day), CellGroup.ORG),
                            Map.of(Keys.escape(organisation) + "." + counter.code(), 1L));
                    }
                }
            }
        }
    }

    /** The counters as cell fields of one row: {@code <row key>.<counter code>} → value. */
    private static Map<String, Long> prefixed(String rowKey, Map<String, Long> counters) {
        Map<String, Long> fields = new LinkedHashMap<>();
        counters.forEach((code, value) -> fields.put(rowKey + "." + code, value));
        return fields;
    }

    private static void add(Map<CellKey, Map<String, Long>> cells, CellKey cell, Map<String, Long> fields) {
        Map<String, Long> sums = cells.computeIfAbsent(cell, k -> new LinkedHashMap<>());
        fields.forEach((field, value) -> sums.merge(field, value, Long::sum));
    }
}
