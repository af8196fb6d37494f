package cn.huiyin.dashboard.messaging;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import cn.huiyin.dashboard.domain.fact.CaseFact;
import cn.huiyin.platform.messaging.inbound.MalformedEventException;

/**
 * What one event type does to the facts: which grievances it is about and how it changes each one's fact. The live
 * consumers and the rebuild read history through the same translations, so both apply an event the same way.
 *
 * @param <T> the dashboard's own record of the event's data (unknown fields ignored)
 */
record Translation<T>(String type, Class<T> dataType, Function<T, List<String>> grievanceIds,
                      Function<T, Consumer<CaseFact>> change) {

    static <T> Translation<T> of(String type, Class<T> dataType, Function<T, String> grievanceId,
                                 Function<T, Consumer<CaseFact>> change) {
        return new Translation<>(type, dataType, data -> List.of(required(grievanceId.apply(data), type)), change);
    }

    static <T> Translation<T> ofMany(String type, Class<T> dataType, Function<T, List<String>> grievanceIds,
                                     Function<T, Consumer<CaseFact>> change) {
        return new Translation<>(type, dataType, data -> {
            List<String> ids = grievanceIds.apply(data);
            return ids == null ? List.of() : ids.stream().filter(id -> id != null && !id.isBlank()).distinct().toList();
        }, change);
    }

    private static String required(String grievanceId, String type) {
        if (grievanceId == null || grievanceId.isBlank()) {
            throw new MalformedEventException(type + " names no grievanceId", null);
        }
        return grievanceId;
    }
}
