package cn.huiyin.triage.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.kernel.FieldProblem;
import cn.huiyin.platform.kernel.InvalidFieldsException;
import cn.huiyin.triage.application.rules.RuleBook;
import cn.huiyin.triage.domain.Organisation;
import cn.huiyin.triage.domain.Router;

/**
 * Editing the organisation registry (组织名录) through the admin API: one organisation at a time, or the whole
 * registry at once. Every edit is checked against the reference data (categories, divisions, worker groups), against
 * the tree (known parent, one root, no cycle) and against the routing rules in force (every organisation they name
 * exists); routing uses the new registry as soon as the edit is stored, and every organisation whose published data
 * changed (also those below a renamed one) is published on {@code huiyin.triage.organisation.v1}.
 */
public class OrganisationAdmin {

    private final OrganisationStore store;
    private final Registry registry;
    private final RegistryCheck check;
    private final RuleBook rules;
    private final OrganisationPublication publication;

    public OrganisationAdmin(OrganisationStore store, Registry registry, RegistryCheck check, RuleBook rules,
                             OrganisationPublication publication) {
        this.store = store;
        this.registry = registry;
        this.check = check;
        this.rules = rules;
        this.publication = publication;
    }

    public List<Organisation> list() {
        return registry.current().all();
    }

    public Organisation get(String id) {
        return registry.current().find(id).orElseThrow(() -> DomainException.notFound("organisation.unknown",
            "组织名录中没有 " + id, "No organisation " + id + " in the registry"));
    }

    /** @return true if the organisation is new */
    public synchronized boolean put(Organisation organisation) {
        List<FieldProblem> problems = new ArrayList<>(check.ofOrganisation("", organisation));
        Map<String, Organisation> next = new LinkedHashMap<>();
        registry.current().all().forEach(org -> next.put(org.id(), org));
        boolean created = next.put(organisation.id(), organisation) == null;
        if (problems.isEmpty()) {
            problems.addAll(check.ofTree(List.copyOf(next.values()), rules.current().router(), "parentId"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        store.save(organisation);
        registry.reload();
        publication.publishChanges();
        return created;
    }

    public synchronized void replaceAll(List<Organisation> organisations) {
        replaceAll(organisations, rules.current().router());
    }

    /** Replaces the registry as a whole, checked against {@code router} (the rules that will be in force). */
    public synchronized void replaceAll(List<Organisation> organisations, Router router) {
        List<FieldProblem> problems = check.ofRegistry(organisations, router, "organisations");
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        store.replaceAll(organisations);
        registry.reload();
        publication.publishChanges();
    }
}
