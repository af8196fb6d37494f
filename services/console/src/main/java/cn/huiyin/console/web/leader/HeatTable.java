package cn.huiyin.console.web.leader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The map-free heat table (热力表): streets as rows, categories as columns, each cell the month's grievances with a
 * shade from 0 (none) to 4 (the busiest cell), read from the dashboard's category × street hotspots.
 *
 * @param categories column headings (code → name) in order of first appearance
 * @param rows       one per street, its cells in the columns' order
 */
record HeatTable(Map<String, String> categories, List<Row> rows) {

    /** A street and its counts; {@code growing}: a cluster there keeps growing. */
    record Row(String place, String name, List<Cell> cells) {
    }

    record Cell(long count, int shade, boolean growing) {
    }

    @SuppressWarnings("unchecked")
    static HeatTable of(Map<String, Object> hotspots) {
        Object listed = hotspots == null ? null : hotspots.get("categoryByStreet");
        if (!(listed instanceof List<?> entries) || entries.isEmpty()) {
            return null;
        }
        Map<String, String> categories = new LinkedHashMap<>();
        Map<String, String> streets = new LinkedHashMap<>();
        Map<String, Map<String, Object>> byCell = new LinkedHashMap<>();
        long busiest = 1;
        for (Object entry : entries) {
            Map<String, Object> labelled = (Map<String, Object>) entry;
            Map<String, Object> row = (Map<String, Object>) labelled.get("row");
            String category = String.valueOf(row.get("category"));
            String place = String.valueOf(row.get("place"));
            categories.putIfAbsent(category, labelled.get("categoryName") == null ? category
                : String.valueOf(labelled.get("categoryName")));
            streets.putIfAbsent(place, labelled.get("placeName") == null ? place : String.valueOf(labelled.get("placeName")));
            byCell.put(place + "|" + category, row);
            busiest = Math.max(busiest, ((Number) row.get("count")).longValue());
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, String> street : streets.entrySet()) {
            List<Cell> cells = new ArrayList<>();
            for (String category : categories.keySet()) {
                Map<String, Object> row = byCell.get(street.getKey() + "|" + category);
                long count = row == null ? 0 : ((Number) row.get("count")).longValue();
                int shade = count == 0 ? 0 : (int) Math.max(1, Math.ceil(4.0 * count / busiest));
                cells.add(new Cell(count, shade, row != null && Boolean.TRUE.equals(row.get("growing"))));
            }
            rows.add(new Row(street.getKey(), street.getValue(), cells));
        }
        return new HeatTable(categories, rows);
    }
}
