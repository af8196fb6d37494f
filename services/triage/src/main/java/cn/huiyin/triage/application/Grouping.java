package cn.huiyin.triage.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.huiyin.triage.domain.CategoryInfo;
import cn.huiyin.triage.domain.Categories;
import cn.huiyin.triage.domain.CategoryScope;
import cn.huiyin.triage.domain.ClusterKind;
import cn.huiyin.triage.domain.ClusterMembership;
import cn.huiyin.triage.domain.DivisionTree;
import cn.huiyin.triage.domain.Duplicates;
import cn.huiyin.triage.domain.Organisation;
import cn.huiyin.triage.domain.OrganisationRef;
import cn.huiyin.triage.domain.OrganisationRegistry;
import cn.huiyin.triage.domain.ReceivedGrievance;
import cn.huiyin.triage.domain.RuleRef;

/**
 * Spots probable duplicates (the same worker, the same category, within the duplicate window) and clusters (grievances
 * of one category from several workers against one enterprise, or in one street, within the cluster window). Both look
 * only at short lists kept under a key, never at the cases, so the cost per grievance stays the same as the store
 * grows.
 *
 * <p>A cluster counts workers, not filings: seven calls of one rider about the same matter are one voice. An
 * enterprise cluster forms only for matters within the enterprise's competence (pay, penalties, accounts, insurance):
 * riders who cannot park at a mall share a place, not a platform's fault. A place cluster forms only for matters of
 * the place (categories of scope PLACE).
 */
public class Grouping {

    /** How grievances are grouped; set in triage.yml. */
    public record Settings(Duration duplicateWindow, Duration clusterWindow, int clusterThreshold) {
    }

    /** How far a cluster's latest-member time must move before it is written again. */
    static final Duration CLUSTER_CLOCK_STEP = Duration.ofHours(1);

    /** The most recent probable duplicates a case lists. */
    static final int MAX_DUPLICATES_LISTED = 10;

    private final RecentGrievances recent;
    private final Settings settings;
    private final Registry registry;
    private final DivisionTree divisions;
    private final Categories categories;
    private final TriagePolicy policy;

    public Grouping(RecentGrievances recent, Settings settings, Registry registry, DivisionTree divisions,
                    Categories categories, TriagePolicy policy) {
        this.recent = recent;
        this.settings = settings;
        this.registry = registry;
        this.divisions = divisions;
        this.categories = categories;
        this.policy = policy;
    }

    public Settings settings() {
        return settings;
    }

    /** What grouping found for one grievance. */
    public record Found(Duplicates duplicates, List<ClusterMembership> clusters) {
    }

    /**
     * Adds the grievance to its lists (the worker's, the enterprise's, the street's; one round trip) and reads from
     * them its probable duplicates and the clusters it belongs to.
     */
    public Found group(ReceivedGrievance grievance, String category) {
        CategoryInfo info = categories.require(category);
        OrganisationRegistry organisations = registry.current();
        String workerKey = grievance.workerRef() == null ? null : duplicateKey(grievance.workerRef(), category);
        Optional<Enterprise> enterprise = enterpriseKey(grievance, category, organisations);
        // A street's cluster is about the street: parking, stations, hazards. Wage arrears of unrelated firms that
        // happen to lie in one street share no cause a joint review of the street could remove.
        Optional<DivisionTree.Node> place = info.scope() == CategoryScope.PLACE ? placeKey(grievance) : Optional.empty();
        String enterpriseKey = enterprise.map(e -> "ENTERPRISE|" + category + "|" + e.key()).orElse(null);
        String placeKey = place.map(p -> "PLACE|" + category + "|" + p.code()).orElse(null);
        List<String> keys = new ArrayList<>();
        for (String key : new String[] {workerKey, enterpriseKey, placeKey}) {
            if (key != null) {
                keys.add(key);
            }
        }
        Map<String, RecentGrievances.Listed> lists = keys.isEmpty() ? Map.of()
            : recent.add(keys, self(grievance, organisations));

        Duplicates duplicates = Duplicates.NONE;
        if (workerKey != null) {
            List<String> others = within(lists.get(workerKey).recent(), grievance.submittedAt(),
                settings.duplicateWindow()).stream().map(RecentGrievances.Recent::grievanceId)
                .filter(id -> !id.equals(grievance.grievanceId())).toList();
            // A worker who calls every day should not drag a list of dozens along every case and event.
            duplicates = Duplicates.of(others.size() > MAX_DUPLICATES_LISTED
                ? others.subList(others.size() - MAX_DUPLICATES_LISTED, others.size()) : others);
        }
        List<ClusterMembership> clusters = new ArrayList<>();
        if (enterpriseKey != null) {
            Enterprise e = enterprise.get();
            cluster(grievance, ClusterKind.ENTERPRISE, enterpriseKey, lists.get(enterpriseKey),
                e.label() + " · " + info.nameZh(), "同一企业（" + e.label() + "）", "the same enterprise (" + e.key() + ")")
                .ifPresent(clusters::add);
        }
        if (placeKey != null) {
            DivisionTree.Node p = place.get();
            cluster(grievance, ClusterKind.PLACE, placeKey, lists.get(placeKey), p.nameZh() + " · " + info.nameZh(),
                "同一属地（" + p.nameZh() + "）", "the same place (" + p.code() + ")").ifPresent(clusters::add);
        }
        return new Found(duplicates, clusters);
    }

    /**
     * The members of a cluster as it stands now: later grievances may have joined since a case did. Falls back to the
     * members known when the case joined if the cluster has moved on (a new cluster formed under the same key).
     */
    public List<String> membersNow(String clusterKey, String clusterId, List<String> whenJoined) {
        return recent.find(clusterKey)
            .filter(listed -> listed.cluster() != null && listed.cluster().clusterId().equals(clusterId))
            .map(listed -> {
                Instant from = listed.cluster().formedAt().minus(settings.clusterWindow());
                Instant to = listed.cluster().lastMemberAt().plus(CLUSTER_CLOCK_STEP);
                List<String> members = new ArrayList<>(whenJoined);
                listed.recent().stream().filter(r -> !r.submittedAt().isBefore(from) && !r.submittedAt().isAfter(to))
                    .map(RecentGrievances.Recent::grievanceId).filter(id -> !members.contains(id)).forEach(members::add);
                return List.copyOf(members);
            })
            .orElse(whenJoined);
    }

    private Optional<ClusterMembership> cluster(ReceivedGrievance grievance, ClusterKind kind, String key,
                                                RecentGrievances.Listed listed, String label, String sharedZh,
                                                String sharedEn) {
        List<RecentGrievances.Recent> members = within(listed.recent(), grievance.submittedAt(), settings.clusterWindow());
        long workers = members.stream().map(RecentGrievances.Recent::filer).distinct().count();
        if (workers < settings.clusterThreshold()) {
            return Optional.empty();
        }
        Instant at = grievance.submittedAt();
        RecentGrievances.Cluster existing = listed.cluster();
        boolean active = existing != null
            && Duration.between(existing.lastMemberAt(), at).abs().compareTo(settings.clusterWindow()) <= 0;
        RecentGrievances.Cluster recorded;
        boolean formedHere = false;
        if (active && Duration.between(existing.lastMemberAt(), at).compareTo(CLUSTER_CLOCK_STEP) < 0) {
            // A busy cluster gets a member every few seconds; its window needs no finer clock than this.
            recorded = existing;
        } else {
            RecentGrievances.Cluster proposed = active
                ? new RecentGrievances.Cluster(existing.clusterId(), existing.formedAt(), at)
                : new RecentGrievances.Cluster("CL-" + kind.name().charAt(0) + "-" + members.get(0).grievanceId(), at, at);
            recorded = recent.formOrJoin(key, existing, proposed);
            formedHere = !active && recorded.clusterId().equals(proposed.clusterId());
        }
        long days = settings.clusterWindow().toDays();
        RuleRef reason = new RuleRef("cluster/" + kind.name(),
            sharedZh + days + "日内 " + workers + " 名职工提出同类诉求 " + members.size() + " 件（阈值 "
                + settings.clusterThreshold() + " 名职工），形成诉求集群 " + recorded.clusterId(),
            workers + " workers filed " + members.size() + " grievances of one category within " + days + " days from "
                + sharedEn + " (threshold " + settings.clusterThreshold() + " workers): cluster " + recorded.clusterId());
        Set<String> partyIds = new LinkedHashSet<>();
        members.forEach(m -> {
            if (m.enterpriseId() != null) {
                partyIds.add(m.enterpriseId());
            }
            partyIds.addAll(m.placeParties());
        });
        OrganisationRegistry organisations = registry.current();
        List<OrganisationRef> parties = partyIds.stream().map(organisations::find).flatMap(Optional::stream)
            .filter(Organisation::active).map(Organisation::ref).toList();
        return Optional.of(new ClusterMembership(recorded.clusterId(), kind, key, label,
            members.stream().map(RecentGrievances.Recent::grievanceId).toList(), (int) workers, formedHere, reason,
            parties));
    }

    private record Enterprise(String key, String label) {
    }

    /**
     * The enterprise's registry id when Huiyin knows it, else the name the worker gave; only for matters within the
     * enterprise's competence (for a firm Huiyin does not know, the competences routing.json assumes for any employer).
     */
    private Optional<Enterprise> enterpriseKey(ReceivedGrievance grievance, String category,
                                               OrganisationRegistry organisations) {
        String named = grievance.platformOrEmployer();
        if (named == null || named.isBlank()) {
            return Optional.empty();
        }
        Optional<Organisation> known = organisations.enterpriseNamed(named);
        boolean itsMatter = known.map(org -> org.isCompetentFor(category))
            .orElseGet(() -> policy.router().rules().unlistedEnterpriseCompetences().contains(category));
        if (!itsMatter) {
            return Optional.empty();
        }
        return Optional.of(known.map(org -> new Enterprise(org.id(), org.name()))
            .orElseGet(() -> new Enterprise(named.replaceAll("\\s+", "").toLowerCase(Locale.ROOT), named.strip())));
    }

    /** The street of the place, or the district when only the district is known. */
    private Optional<DivisionTree.Node> placeKey(ReceivedGrievance grievance) {
        return divisions.at(grievance.divisionCode(), DivisionTree.Level.STREET)
            .or(() -> divisions.at(grievance.divisionCode(), DivisionTree.Level.DISTRICT));
    }

    static String duplicateKey(String workerRef, String category) {
        return "WORKER|" + workerRef + "|" + category;
    }

    /**
     * The grievance as its lists keep it, with the parties it names: a confidential worker's grievance names none
     * (neither the firm nor the property manager may learn of it through a joint review).
     */
    private static RecentGrievances.Recent self(ReceivedGrievance grievance, OrganisationRegistry organisations) {
        String enterprise = grievance.confidential() ? null
            : organisations.enterpriseNamed(grievance.platformOrEmployer()).map(Organisation::id).orElse(null);
        List<String> placeParties = grievance.confidential() ? List.of()
            : organisations.placeParties(grievance.divisionCode(), grievance.placeText()).stream().map(Organisation::id).toList();
        return new RecentGrievances.Recent(grievance.grievanceId(), grievance.submittedAt(), grievance.workerRef(),
            enterprise, placeParties);
    }

    /** Distinct grievances within {@code window} of {@code at}, earliest first. */
    private static List<RecentGrievances.Recent> within(List<RecentGrievances.Recent> recent, Instant at, Duration window) {
        Map<String, RecentGrievances.Recent> distinct = new LinkedHashMap<>();
        recent.stream()
            .filter(r -> Duration.between(r.submittedAt(), at).abs().compareTo(window) <= 0)
            .sorted(Comparator.comparing(RecentGrievances.Recent::submittedAt).thenComparing(RecentGrievances.Recent::grievanceId))
            .forEach(r -> distinct.putIfAbsent(r.grievanceId(), r));
        return List.copyOf(distinct.values());
    }
}
