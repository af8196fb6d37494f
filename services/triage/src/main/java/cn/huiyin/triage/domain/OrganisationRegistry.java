package cn.huiyin.triage.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.huiyin.platform.kernel.DomainException;

/**
 * An immutable snapshot of the organisation registry (组织名录) with the look-ups routing needs: the industry
 * committee of a worker group, the territorial organisation of a division, the enterprise a worker names, and the
 * hierarchy for supervision and rulings. Building one checks the tree: one root, every parent known, no cycles.
 */
public final class OrganisationRegistry {

    private final Map<String, Organisation> byId = new LinkedHashMap<>();
    private final Map<String, List<String>> children = new HashMap<>();
    private final Organisation root;

    public OrganisationRegistry(Collection<Organisation> organisations) {
        organisations.forEach(org -> {
            if (byId.putIfAbsent(org.id(), org) != null) {
                throw new IllegalArgumentException("Organisation " + org.id() + " is listed twice");
            }
        });
        Organisation top = null;
        for (Organisation org : byId.values()) {
            if (org.parentId() == null) {
                if (top != null) {
                    throw new IllegalArgumentException("Two organisations without a parent: " + top.id() + ", " + org.id());
                }
                top = org;
            } else if (!byId.containsKey(org.parentId())) {
                throw new IllegalArgumentException(org.id() + " has an unknown parent " + org.parentId());
            } else {
                children.computeIfAbsent(org.parentId(), p -> new ArrayList<>()).add(org.id());
            }
        }
        if (top == null && !byId.isEmpty()) {
            throw new IllegalArgumentException("The registry needs one organisation without a parent (the city)");
        }
        for (String id : byId.keySet()) {
            ancestors(id);
        }
        this.root = top;
    }

    public Optional<Organisation> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** The organisation, or a 400 naming the unknown id (for ids given in a request body). */
    public Organisation require(String id) {
        return find(id).orElseThrow(() -> DomainException.invalid("organisation.unknown",
            "组织名录中没有 " + id, "No organisation " + id + " in the registry"));
    }

    public List<Organisation> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Organisation> root() {
        return Optional.ofNullable(root);
    }

    /** The organisations above {@code id}, nearest first. */
    public List<Organisation> ancestors(String id) {
        List<Organisation> ancestors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Organisation current = byId.get(id);
        while (current != null && current.parentId() != null) {
            if (!seen.add(current.id())) {
                throw new IllegalArgumentException("The registry has a cycle through " + current.id());
            }
            current = byId.get(current.parentId());
            if (current != null) {
                ancestors.add(current);
            }
        }
        return ancestors;
    }

    /** Whether {@code upper} is strictly above {@code lower}. */
    public boolean isAbove(String upper, String lower) {
        return ancestors(lower).stream().anyMatch(org -> org.id().equals(upper));
    }

    public boolean isSelfOrAbove(String upper, String lower) {
        return upper != null && (upper.equals(lower) || isAbove(upper, lower));
    }

    /** The organisation and every organisation below it. */
    public Set<String> selfAndDescendants(String id) {
        Set<String> result = new LinkedHashSet<>();
        List<String> queue = new ArrayList<>(List.of(id));
        while (!queue.isEmpty()) {
            String next = queue.remove(0);
            if (result.add(next)) {
                queue.addAll(children.getOrDefault(next, List.of()));
            }
        }
        return result;
    }

    public List<Organisation> childrenOf(String id) {
        return children.getOrDefault(id, List.of()).stream().map(byId::get).toList();
    }

    /** The industry committee that is the channel for a worker group (外卖骑手 → 网约配送行业党委), if any. */
    public Optional<Organisation> industryCommitteeFor(String workerGroup) {
        return byId.values().stream()
            .filter(org -> org.active() && org.type() == OrganisationType.INDUSTRY_COMMITTEE)
            .filter(org -> org.workerGroups().contains(workerGroup))
            .findFirst();
    }

    /** The active organisation of {@code type} whose jurisdiction lists exactly {@code divisionCode}. */
    public Optional<Organisation> territorial(OrganisationType type, String divisionCode) {
        return byId.values().stream()
            .filter(org -> org.active() && org.type() == type && org.jurisdiction().contains(divisionCode))
            .findFirst();
    }

    /**
     * The enterprise party organisation of the firm a worker names ("美团外卖" → 美团), matched on the firm's
     * aliases ignoring case and spaces.
     */
    public Optional<Organisation> enterpriseNamed(String platformOrEmployer) {
        if (platformOrEmployer == null || platformOrEmployer.isBlank()) {
            return Optional.empty();
        }
        String named = normalise(platformOrEmployer);
        return byId.values().stream()
            .filter(org -> org.active() && org.type() == OrganisationType.ENTERPRISE)
            .filter(org -> org.aliases().stream().map(OrganisationRegistry::normalise)
                .anyMatch(alias -> !alias.isEmpty() && named.contains(alias)))
            .findFirst();
    }

    /**
     * The property managers and operators of the places a grievance names (in its description or address), where the
     * place lies in or around the grievance's division: "龙湖天街不让骑手进" at 东安街道 → the mall's property manager.
     */
    public List<Organisation> placeParties(String divisionCode, String text) {
        return byId.values().stream()
            .filter(org -> org.active() && org.type().managesPlaces())
            .filter(org -> org.places().stream().anyMatch(place -> place.namedIn(text, divisionCode)))
            .toList();
    }

    /**
     * The organisation that rules (终审) when {@code disputants} have all returned a case: the nearest organisation
     * strictly above every one of them, so that it has authority over each. Two streets of one district → the
     * district; an industry committee and a street → the city.
     */
    public Optional<Organisation> commonSuperior(Collection<String> disputants) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(disputants));
        if (ids.isEmpty()) {
            return Optional.ofNullable(root);
        }
        for (Organisation candidate : ancestors(ids.get(0))) {
            if (ids.stream().allMatch(id -> isAbove(candidate.id(), id))) {
                return Optional.of(candidate);
            }
        }
        return Optional.ofNullable(root).filter(r -> !ids.contains(r.id()));
    }

    static String normalise(String text) {
        return text.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
