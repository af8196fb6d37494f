package cn.huiyin.dashboard.domain.cell;

import java.util.Arrays;
import java.util.Optional;

/** A breakdown of the {@link CellGroup#DIMS} cells; each row is stored under {@code <prefix>:<value>}. */
public enum Dimension {
    WORKER_GROUP("wg"), CATEGORY("cat"), CHANNEL("ch"), ENTERPRISE("ent"), DIVISION("div");

    private final String prefix;

    Dimension(String prefix) {
        this.prefix = prefix;
    }

    public String key(String value) {
        return Keys.escape(prefix + ":" + value);
    }

    /** The value of a row key of this dimension, or empty if the key belongs to another. */
    public Optional<String> valueIn(String key) {
        String plain = Keys.unescape(key);
        return plain.startsWith(prefix + ":") ? Optional.of(plain.substring(prefix.length() + 1)) : Optional.empty();
    }

    public static Optional<Dimension> byName(String name) {
        return Arrays.stream(values()).filter(d -> d.name().equalsIgnoreCase(name.replace("-", "_"))
            || d.name().replace("_", "").equalsIgnoreCase(name)).findFirst();
    }
}
