package cn.huiyin.triage.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The city's administrative divisions (行政区划): city → district → street → community. Territorial routing walks
 * up from the place of a grievance to find the street (or district) whose organisation answers for it.
 */
public final class DivisionTree {

    /** Levels of the tree, from the top. */
    public enum Level {
        CITY, DISTRICT, STREET, COMMUNITY
    }

    /** One division. {@code parent} is null for the city. */
    public record Node(String code, String nameZh, Level level, String parent) {
    }

    private final Map<String, Node> byCode = new LinkedHashMap<>();

    public DivisionTree(Collection<Node> nodes) {
        nodes.forEach(node -> byCode.put(node.code(), node));
    }

    public Optional<Node> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public boolean contains(String code) {
        return code != null && byCode.containsKey(code);
    }

    /** The division and all above it, nearest first. Empty for an unknown code. */
    public List<Node> lineage(String code) {
        List<Node> lineage = new ArrayList<>();
        Node current = code == null ? null : byCode.get(code);
        while (current != null) {
            lineage.add(current);
            current = current.parent() == null ? null : byCode.get(current.parent());
        }
        return lineage;
    }

    /** The division of {@code level} that contains {@code code} (the code itself if it is of that level). */
    public Optional<Node> at(String code, Level level) {
        return lineage(code).stream().filter(node -> node.level() == level).findFirst();
    }

    public String nameOf(String code) {
        return find(code).map(Node::nameZh).orElse(code);
    }
}
