package cn.huiyin.triage.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Routes a case along the channel of responsibility (worker → enterprise party organisation → industry committee or
 * territorial organisation): the first lead rule that matches names a chain of candidates, and the first candidate
 * that is active, competent for the category and not excluded (it returned the case already) leads. Co-handling rules
 * attach member departments, and the property managers or operators of a place; joint-review party rules name who
 * else sits at the table if the case goes to a joint review. The decision names the rule and the step of its chain
 * that matched.
 *
 * <p>A worker who asked for confidentiality never has a party from outside government involved: neither the
 * platform nor the property manager of a place (ADR 0014).
 */
public final class Router {

    private final RoutingRules rules;
    private final Categories categories;
    private final DivisionTree divisions;

    public Router(RoutingRules rules, Categories categories, DivisionTree divisions) {
        this.rules = rules;
        this.categories = categories;
        this.divisions = divisions;
        List<String> problems = new ArrayList<>();
        for (RoutingRules.LeadRule rule : rules.lead()) {
            check(rule.id(), rule.when(), problems);
        }
        for (RoutingRules.CoHandlingRule rule : rules.coHandling()) {
            check(rule.id(), rule.when(), problems);
            checkTokens(rule, problems);
        }
        for (RoutingRules.CoHandlingRule rule : rules.jointReviewParties()) {
            check(rule.id(), rule.when(), problems);
            checkTokens(rule, problems);
        }
        rules.unlistedEnterpriseCompetences().stream().filter(code -> !categories.contains(code))
            .forEach(code -> problems.add("unlistedEnterpriseCompetences: unknown category " + code));
        // Every category must find a lead rule whatever the worker group, or a grievance would wait for no one.
        for (CategoryInfo category : categories.all()) {
            if (rules.lead().stream().noneMatch(r -> r.when().anyWorkerAnyChannel() && r.when().matches(category, null, null))) {
                problems.add("No lead rule takes category " + category.code()
                    + " for every worker group and channel; routing.json needs a catch-all rule last");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    private void check(String id, RoutingRules.When when, List<String> problems) {
        when.categories().stream().filter(code -> !categories.contains(code)).sorted()
            .forEach(code -> problems.add("rule " + id + ": unknown category " + code));
        when.workerGroups().stream().filter(group -> !WorkerGroups.isKnown(group)).sorted()
            .forEach(group -> problems.add("rule " + id + ": unknown worker group " + group));
        when.channels().stream().filter(channel -> !Channels.isKnown(channel)).sorted()
            .forEach(channel -> problems.add("rule " + id + ": unknown channel " + channel));
    }

    private static void checkTokens(RoutingRules.CoHandlingRule rule, List<String> problems) {
        rule.organisations().stream().filter(id -> id.startsWith("@") && !RoutingRules.TOKENS.contains(id))
            .forEach(token -> problems.add("rule " + rule.id() + ": unknown stand-in " + token
                + " (known: " + RoutingRules.TOKENS + ")"));
    }

    public RoutingRules rules() {
        return rules;
    }

    /** Checks that every organisation the rules name exists in {@code registry}; returns the unknown ids. */
    public List<String> unknownOrganisations(OrganisationRegistry registry) {
        List<String> unknown = new ArrayList<>();
        rules.lead().stream().filter(rule -> rule.organisationId() != null)
            .filter(rule -> registry.find(rule.organisationId()).isEmpty())
            .forEach(rule -> unknown.add(rule.organisationId()));
        List<RoutingRules.CoHandlingRule> attaching = new ArrayList<>(rules.coHandling());
        attaching.addAll(rules.jointReviewParties());
        attaching.forEach(rule -> rule.organisations().stream()
            .filter(id -> !id.startsWith("@") && registry.find(id).isEmpty() && !unknown.contains(id))
            .forEach(unknown::add));
        return unknown;
    }

    /**
     * @param excluded organisations that may not lead (they returned the case)
     * @return empty if no organisation can take the case (an empty or broken registry)
     */
    public Optional<RoutingDecision> route(ReceivedGrievance grievance, String categoryCode,
                                           OrganisationRegistry registry, Set<String> excluded) {
        CategoryInfo category = categories.require(categoryCode);
        RoutingRules.LeadRule rule = rules.lead().stream()
            .filter(r -> r.when().matches(category, grievance.workerGroup(), grievance.channel())).findFirst()
            .orElseThrow(() -> new IllegalStateException("No lead rule matches " + categoryCode
                + "; routing.json needs a catch-all rule last"));
        List<Candidate> chain = chain(rule, grievance, registry);
        for (int step = 0; step < chain.size(); step++) {
            Candidate candidate = chain.get(step);
            Organisation org = candidate.organisation();
            if (org.canHandle(categoryCode) && !excluded.contains(org.id())) {
                String prefix = step == 0 ? "" : "（前序单位已退回或不具备此项职能）";
                String prefixEn = step == 0 ? "" : " (earlier candidates returned the case or lack this competence)";
                RuleRef why = new RuleRef(rule.id() + "/" + candidate.step(),
                    rule.descriptionZh() + "：" + candidate.whyZh() + prefix,
                    rule.descriptionEn() + ": " + candidate.whyEn() + prefixEn);
                return Optional.of(decide(grievance, category, registry, org, why, excluded));
            }
        }
        return Optional.empty();
    }

    /** A lead named by a person (a ruling or an override), with the co-handlers the rules would attach. */
    public RoutingDecision namedLead(ReceivedGrievance grievance, String categoryCode, OrganisationRegistry registry,
                                     Organisation lead, RuleRef why) {
        return decide(grievance, categories.require(categoryCode), registry, lead, why, Set.of());
    }

    private RoutingDecision decide(ReceivedGrievance grievance, CategoryInfo category, OrganisationRegistry registry,
                                   Organisation lead, RuleRef why, Set<String> excluded) {
        Map<String, OrganisationRef> attached = new LinkedHashMap<>();
        List<RuleRef> reasons = new ArrayList<>();
        for (RoutingRules.CoHandlingRule rule : rules.coHandling()) {
            if (!rule.when().matches(category, grievance.workerGroup(), grievance.channel())) {
                continue;
            }
            boolean any = false;
            for (String id : rule.organisations()) {
                for (Organisation org : resolve(id, grievance, registry)) {
                    // Competences bind co-handlers as they bind leads: an administrator who takes a category away
                    // from a department stops it being attached to such cases.
                    if (org.canHandle(category.code()) && !org.id().equals(lead.id()) && !excluded.contains(org.id())
                        && attached.putIfAbsent(org.id(), org.ref()) == null) {
                        any = true;
                    }
                }
            }
            if (any) {
                reasons.add(rule.ref());
            }
        }
        Map<String, JointReviewParty> invited = new LinkedHashMap<>();
        Set<String> fromClusters = new LinkedHashSet<>();
        for (RoutingRules.CoHandlingRule rule : rules.jointReviewParties()) {
            if (!rule.when().matches(category, grievance.workerGroup(), grievance.channel())) {
                continue;
            }
            for (String id : rule.organisations()) {
                if (id.equals(RoutingRules.AFFECTED_ENTERPRISES)) {
                    fromClusters.add(RoutingDecision.ENTERPRISES);
                } else if (id.equals(RoutingRules.PLACE_MANAGER)) {
                    fromClusters.add(RoutingDecision.PLACE_MANAGERS);
                }
                for (Organisation org : resolve(id, grievance, registry)) {
                    if (org.active() && !org.id().equals(lead.id()) && !attached.containsKey(org.id())) {
                        invited.putIfAbsent(org.id(), JointReviewParty.of(org.ref(), JointReviewParty.Role.INVITED, rule.id()));
                    }
                }
            }
        }
        return new RoutingDecision(lead.ref(), List.copyOf(attached.values()), why, reasons, lead.businessHours(), null,
            List.copyOf(invited.values()), grievance.confidential() ? Set.of() : fromClusters);
    }

    /** The organisations an id or stand-in of a rule means for this grievance. */
    private List<Organisation> resolve(String id, ReceivedGrievance grievance, OrganisationRegistry registry) {
        List<Organisation> found = switch (id) {
            case RoutingRules.ENTERPRISE, RoutingRules.AFFECTED_ENTERPRISES -> enterprise(grievance, registry).stream().toList();
            case RoutingRules.COMMUNITY -> divisions.at(grievance.divisionCode(), DivisionTree.Level.COMMUNITY)
                .flatMap(c -> registry.territorial(OrganisationType.COMMUNITY, c.code())).stream().toList();
            case RoutingRules.STREET -> divisions.at(grievance.divisionCode(), DivisionTree.Level.STREET)
                .flatMap(s -> registry.territorial(OrganisationType.STREET, s.code())).stream().toList();
            case RoutingRules.PLACE_MANAGER -> registry.placeParties(grievance.divisionCode(), grievance.placeText());
            default -> registry.find(id).stream().toList();
        };
        // A worker who asked for confidentiality fears those outside government: never involve them.
        return grievance.confidential() ? found.stream().filter(org -> !org.type().isEnterpriseParty()).toList() : found;
    }

    private record Candidate(Organisation organisation, String step, String whyZh, String whyEn) {
    }

    private List<Candidate> chain(RoutingRules.LeadRule rule, ReceivedGrievance grievance, OrganisationRegistry registry) {
        List<Candidate> chain = new ArrayList<>();
        switch (rule.lead()) {
            case ENTERPRISE_THEN_INDUSTRY -> {
                enterprise(grievance, registry).ifPresent(org -> chain.add(new Candidate(org, "enterprise",
                    grievance.platformOrEmployer() + " 的企业党组织 " + org.name(),
                    "enterprise party organisation of " + grievance.platformOrEmployer() + ", " + org.id())));
                industry(grievance, registry, chain);
                territorial(grievance, registry, chain);
            }
            case INDUSTRY -> {
                industry(grievance, registry, chain);
                territorial(grievance, registry, chain);
            }
            case TERRITORIAL -> {
                territorial(grievance, registry, chain);
                industry(grievance, registry, chain);
            }
            case ORGANISATION -> registry.find(rule.organisationId()).ifPresent(org ->
                chain.add(new Candidate(org, "named", "规则指定 " + org.name(), "named by the rule: " + org.id())));
        }
        registry.root().ifPresent(root -> chain.add(new Candidate(root, "city",
            "由 " + root.name() + " 兜底承办", "the city's " + root.id() + " takes what nobody below can")));
        return chain;
    }

    private static Optional<Organisation> enterprise(ReceivedGrievance grievance, OrganisationRegistry registry) {
        // A worker who asked for confidentiality fears the firm: never route to it or involve it.
        return grievance.confidential() ? Optional.empty() : registry.enterpriseNamed(grievance.platformOrEmployer());
    }

    private static void industry(ReceivedGrievance grievance, OrganisationRegistry registry, List<Candidate> chain) {
        registry.industryCommitteeFor(grievance.workerGroup()).ifPresent(org -> chain.add(new Candidate(org, "industry",
            WorkerGroups.nameZh(grievance.workerGroup()) + "归口 " + org.name(),
            grievance.workerGroup() + " belong to the industry committee " + org.id())));
    }

    private void territorial(ReceivedGrievance grievance, OrganisationRegistry registry, List<Candidate> chain) {
        String place = grievance.divisionCode();
        divisions.at(place, DivisionTree.Level.STREET)
            .flatMap(street -> registry.territorial(OrganisationType.STREET, street.code()))
            .ifPresent(org -> chain.add(new Candidate(org, "street",
                "属地：" + divisions.nameOf(place) + " 属 " + org.name(),
                "territorial: " + place + " lies in the street of " + org.id())));
        divisions.at(place, DivisionTree.Level.DISTRICT)
            .flatMap(district -> registry.territorial(OrganisationType.DISTRICT, district.code()))
            .ifPresent(org -> chain.add(new Candidate(org, "district",
                "属地：" + divisions.nameOf(place) + " 属 " + org.name(),
                "territorial: " + place + " lies in the district of " + org.id())));
    }
}
