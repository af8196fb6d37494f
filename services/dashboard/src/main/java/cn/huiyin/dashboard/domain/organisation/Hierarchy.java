package cn.huiyin.dashboard.domain.organisation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The organisation tree as the registry says it is now (市委社会工作部 → 区委社会工作部 → 街道党工委 → 社区党委; industry
 * committees, member departments and enterprises below the city). Figures roll up along it when they are read, so a
 * reorganised registry changes roll-ups without touching a single cell.
 */
public final class Hierarchy {

    private final Map<String, RegisteredOrganisation> byId = new HashMap<>();
    private final Map<String, List<String>> children = new HashMap<>();

    public Hierarchy(Collection<RegisteredOrganisation> organisations) {
        for (RegisteredOrganisation organisation : organisations) {
            byId.put(organisation.id(), organisation);
        }
        for (RegisteredOrganisation organisation : organisations) {
            if (organisation.parentId() != null && !organisation.parentId().equals(organisation.id())) {
                children.computeIfAbsent(organisation.parentId(), k -> new ArrayList<>()).add(organisation.id());
            }
        }
    }

    public Optional<RegisteredOrganisation> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The organisation and everything below it (each once, also if the registry has a cycle). */
    public Set<String> subtree(String id) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(id));
        while (!queue.isEmpty()) {
            String next = queue.pop();
            if (seen.add(next)) {
                queue.addAll(children.getOrDefault(next, List.of()));
            }
        }
        return seen;
    }

    /** The organisation and the ones above it, nearest first (each once, also if the registry has a cycle). */
    public List<String> chain(String id) {
        List<String> chain = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        String next = id;
        while (next != null && seen.add(next)) {
            chain.add(next);
            RegisteredOrganisation organisation = byId.get(next);
            next = organisation == null ? null : organisation.parentId();
        }
        return chain;
    }

    public String parentOf(String id) {
        RegisteredOrganisation organisation = byId.get(id);
        return organisation == null ? null : organisation.parentId();
    }

    /** The organisations directly below {@code id}. */
    public List<String> childrenOf(String id) {
        return List.copyOf(children.getOrDefault(id, List.of()));
    }

    public String nameOf(String id) {
        RegisteredOrganisation organisation = byId.get(id);
        return organisation == null ? null : organisation.name();
    }

    /** The name of the organisation whose jurisdiction is exactly {@code divisionCode}, or null. */
    public String nameOfJurisdiction(String divisionCode) {
        return byId.values().stream().filter(o -> o.jurisdiction().size() == 1 && o.jurisdiction().contains(divisionCode))
            .map(RegisteredOrganisation::name).sorted().findFirst().orElse(null);
    }
}
