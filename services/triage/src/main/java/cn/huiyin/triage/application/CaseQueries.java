package cn.huiyin.triage.application;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import cn.huiyin.platform.kernel.access.Caller;
import cn.huiyin.platform.kernel.access.Roles;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.triage.domain.Categories;
import cn.huiyin.triage.domain.Organisation;
import cn.huiyin.triage.domain.OrganisationRegistry;
import cn.huiyin.triage.domain.TriageCase;
import cn.huiyin.triage.domain.TriageState;
import cn.huiyin.triage.domain.Urgency;

/** Reads cases for staff, within their reach. */
public class CaseQueries {

    /** One page of a search. */
    public record Page(List<TriageCase> cases, int page, int size, long total) {
    }

    private final TriageCases cases;
    private final Registry registry;
    private final Grouping grouping;
    private final Categories categories;
    private final Clock clock;

    public CaseQueries(TriageCases cases, Registry registry, Grouping grouping, Categories categories, Clock clock) {
        this.cases = cases;
        this.registry = registry;
        this.grouping = grouping;
        this.categories = categories;
        this.clock = clock;
    }

    /** The case, if the caller may see it: 404 if there is none, 403 if it lies outside the caller's reach. */
    public TriageCase find(Caller caller, String grievanceId) {
        TriageCase triageCase = cases.find(grievanceId).orElseThrow(() -> DomainException.notFound("case.unknown",
            "分拨中没有编号为 " + grievanceId + " 的诉求", "Triage has no grievance " + grievanceId));
        Reach.requireCanRead(caller, triageCase, registry.current());
        return triageCase;
    }

    /** The members of a case's cluster as it stands now. */
    public List<String> clusterMembers(String clusterKey, String clusterId, List<String> whenJoined) {
        return grouping.membersNow(clusterKey, clusterId, whenJoined);
    }

    /**
     * Cases the caller may see, newest first: a triage officer's jurisdiction, a supervisor's organisation and those
     * below it. The limit is part of the query.
     */
    public Page search(Caller caller, TriageState state, String category, Urgency urgency, CaseSearch.Flag flag,
                       int page, int size) {
        if (category != null) {
            categories.require(category);
        }
        CaseSearch search;
        if (caller.has(Roles.TRIAGE_OFFICER) && caller.jurisdiction().prefix() != null) {
            search = new CaseSearch(caller.jurisdiction().prefix(), null, state, category, urgency, flag);
        } else {
            OrganisationRegistry current = registry.current();
            String own = caller.organisationId();
            Set<String> reach = own == null ? Set.of()
                : current.find(own).map(Organisation::id).map(current::selfAndDescendants).orElse(Set.of(own));
            search = new CaseSearch(null, reach, state, category, urgency, flag);
        }
        return new Page(cases.search(search, clock.instant(), page, size), page, size,
            cases.count(search, clock.instant()));
    }
}
