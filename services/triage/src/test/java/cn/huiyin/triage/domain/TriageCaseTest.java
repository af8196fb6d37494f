package cn.huiyin.triage.domain;

import static cn.huiyin.triage.domain.DemoCity.REGISTRY;
import static cn.huiyin.triage.domain.DemoCity.ROUTER;
import static cn.huiyin.triage.domain.DemoCity.beijing;
import static cn.huiyin.triage.domain.DemoCity.grievance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.huiyin.platform.kernel.DomainException;
import org.junit.jupiter.api.Test;

/** The life of a case: sign-for, returns, the ruling after two returns, overrides and closing. */
class TriageCaseTest {

    private static final Instant FILED = beijing(2026, 2, 12, 10, 0);

    private final TriageCase claim = DemoCity.triage(grievance("INJURY_INSURANCE", "FOOD_DELIVERY_RIDER", "美团", false,
        "510112002", "雨天送餐途中摔倒致手部骨折，保险公司拒绝理赔。", FILED));

    @Test
    void aTriagedCaseIsAssignedWithItsDeadlinesAndSaysWhy() {
        assertThat(claim.state()).isEqualTo(TriageState.ASSIGNED);
        assertThat(claim.current().orElseThrow().organisation().id()).isEqualTo("org-committee-online-delivery");
        assertThat(claim.pendingEvents()).hasExactlyElementsOfTypes(GrievanceTriaged.class, GrievanceAssigned.class);
        GrievanceAssigned assigned = (GrievanceAssigned) claim.pendingEvents().get(1);
        assertThat(assigned.attempt()).isEqualTo(1);
        assertThat(assigned.responseDueAt()).isEqualTo(beijing(2026, 2, 12, 15, 30));
        assertThat(assigned.resolutionDueAt()).isEqualTo(beijing(2026, 2, 24, 17, 30));
        assertThat(claim.history()).extracting(HistoryEntry::action).containsExactly("TRIAGED", "ASSIGNED");
        assertThat(claim.inboxEntries()).extracting(InboxEntry::organisationId, InboxEntry::status).containsExactly(
            tuple("org-committee-online-delivery", InboxEntry.InboxStatus.PENDING),
            tuple("org-dept-hrss", InboxEntry.InboxStatus.CO_HANDLING),
            tuple("org-ent-meituan", InboxEntry.InboxStatus.CO_HANDLING));
    }

    @Test
    void onlyTheAssignedOrganisationMaySignForAndOnlyOnce() {
        assertThatThrownBy(() -> claim.accept("org-street-damian", "street-handler", FILED.plusSeconds(60)))
            .isInstanceOf(DomainException.class)
            .satisfies(e -> {
                DomainException d = (DomainException) e;
                assertThat(d.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                assertThat(d.code()).isEqualTo("assignment.elsewhere");
                assertThat(d.messageZh()).contains("市网约配送行业党委", "不能签收");
            });

        claim.accept("org-committee-online-delivery", "org-handler", FILED.plusSeconds(60));

        assertThat(claim.state()).isEqualTo(TriageState.ACCEPTED);
        assertThat(conflict(() -> claim.accept("org-committee-online-delivery", "org-handler", FILED.plusSeconds(90))))
            .isEqualTo("assignment.already-accepted");
        assertThat(conflict(() -> claim.returnCase("org-committee-online-delivery", ReturnReason.NOT_OUR_COMPETENCE,
            "不归我们管", null, "org-handler", FILED.plusSeconds(120), rerouting(claim)))).isEqualTo("assignment.accepted");
    }

    @Test
    void aCaseReturnedTwiceGoesToTheOrganisationAboveBothForARulingWithTheClockUnchanged() {
        Deadlines before = claim.deadlines();

        claim.returnCase("org-committee-online-delivery", ReturnReason.NOT_OUR_COMPETENCE, "属地调解更合适", null,
            "org-handler", FILED.plusSeconds(600), rerouting(claim));
        assertThat(claim.current().orElseThrow().organisation().id()).isEqualTo("org-street-damian");
        assertThat(claim.current().orElseThrow().basis()).isEqualTo(AssignmentBasis.RE_ROUTED);

        claim.returnCase("org-street-damian", ReturnReason.NOT_OUR_TERRITORY, "保险理赔属行业事务", null,
            "street-handler", FILED.plusSeconds(1200), rerouting(claim));

        assertThat(claim.state()).isEqualTo(TriageState.AWAITING_RULING);
        assertThat(claim.ruling().orElseThrow().organisation().id()).isEqualTo("org-city-swb");
        assertThat(claim.ruling().orElseThrow().disputants()).containsExactly("org-committee-online-delivery", "org-street-damian");
        assertThat(claim.deadlines()).isEqualTo(before);
        assertThat(claim.returnCount()).isEqualTo(2);
        AssignmentReturned second = (AssignmentReturned) claim.pendingEvents().get(claim.pendingEvents().size() - 1);
        assertThat(second.outcome()).isEqualTo(ReturnOutcome.REFERRED_FOR_RULING);
        assertThat(second.rulingOrganisation().id()).isEqualTo("org-city-swb");
        assertThat(claim.inboxEntries()).extracting(InboxEntry::organisationId)
            .containsExactlyInAnyOrder("org-city-swb", "org-committee-online-delivery", "org-street-damian");
        assertThat(conflict(() -> claim.accept("org-street-damian", "street-handler", FILED.plusSeconds(1300))))
            .isEqualTo("case.awaiting-ruling");
    }

    @Test
    void theRulingBindsAndKeepsTheClock() {
        claim.returnCase("org-committee-online-delivery", ReturnReason.NOT_OUR_COMPETENCE, "属地调解更合适", null,
            "org-handler", FILED.plusSeconds(600), rerouting(claim));
        claim.returnCase("org-street-damian", ReturnReason.NOT_OUR_TERRITORY, "保险理赔属行业事务", null,
            "street-handler", FILED.plusSeconds(1200), rerouting(claim));
        Organisation committee = REGISTRY.find("org-committee-online-delivery").orElseThrow();

        assertThat(conflict(() -> claim.rule(false, named(committee), "由行业党委办理", "street-handler", FILED.plusSeconds(1500))))
            .isEqualTo("ruling.elsewhere");
        claim.rule(true, named(committee), "骑手保险理赔属行业党委职责", "triage-officer", FILED.plusSeconds(1800));

        Assignment ruled = claim.current().orElseThrow();
        assertThat(ruled.binding()).isTrue();
        assertThat(ruled.basis()).isEqualTo(AssignmentBasis.RULING);
        assertThat(ruled.attempt()).isEqualTo(3);
        GrievanceAssigned event = (GrievanceAssigned) claim.pendingEvents().get(claim.pendingEvents().size() - 1);
        assertThat(event.responseDueAt()).isEqualTo(beijing(2026, 2, 12, 15, 30));
        assertThat(event.binding()).isTrue();
        assertThat(event.previousOrganisation().id()).isEqualTo("org-street-damian");
        assertThat(conflict(() -> claim.returnCase("org-committee-online-delivery", ReturnReason.NOT_OUR_COMPETENCE,
            "仍不同意", null, "org-handler", FILED.plusSeconds(2000), rerouting(claim)))).isEqualTo("assignment.binding");
        assertThat(conflict(() -> claim.rule(true, named(committee), "再裁一次", "triage-officer", FILED.plusSeconds(2100))))
            .isEqualTo("ruling.not-awaited");
    }

    @Test
    void aWithdrawnCaseCannotBeSignedForOrReturnedAndLeavesEveryInbox() {
        assertThat(claim.withdraw(FILED.plusSeconds(60), "intake:WORKER", "已与平台协商解决")).isTrue();

        assertThat(claim.state()).isEqualTo(TriageState.WITHDRAWN);
        assertThat(claim.lastAssignment().orElseThrow().status()).isEqualTo(AssignmentStatus.CANCELLED);
        assertThat(claim.inboxEntries()).isEmpty();
        assertThat(conflict(() -> claim.returnCase("org-committee-online-delivery", ReturnReason.OTHER, "x", null,
            "org-handler", FILED.plusSeconds(120), rerouting(claim)))).isEqualTo("case.closed");
        assertThat(claim.withdraw(FILED.plusSeconds(180), "intake:WORKER", null)).as("nothing changes twice").isFalse();
    }

    @Test
    void anOfficerReroutesWithAReasonTheHistoryKeeps() {
        Organisation street = REGISTRY.find("org-street-damian").orElseThrow();

        claim.reroute(named(street), "社区已介入调解", "triage-officer", FILED.plusSeconds(300));

        assertThat(claim.current().orElseThrow().organisation().id()).isEqualTo("org-street-damian");
        assertThat(claim.assignments().get(0).status()).isEqualTo(AssignmentStatus.SUPERSEDED);
        HistoryEntry last = claim.history().get(claim.history().size() - 1);
        assertThat(last.action()).isEqualTo("ASSIGNED");
        assertThat(claim.history()).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("REROUTED");
            assertThat(entry.actor()).isEqualTo("triage-officer");
            assertThat(entry.reason()).isEqualTo("社区已介入调解");
        });
        assertThat(conflict(() -> claim.reroute(named(street), "再改一次", "triage-officer", FILED.plusSeconds(400))))
            .isEqualTo("reroute.same-organisation");
    }

    @Test
    void aMemberHearingOfItsClusterTwiceRecordsItOnceAndAClosedOneAsksNoJointReview() {
        ClusterMembership cluster = new ClusterMembership("CL-E-" + claim.id(), ClusterKind.ENTERPRISE,
            "ENTERPRISE|INJURY_INSURANCE|org-ent-meituan", "美团成都区域党委 · 工伤与意外险理赔",
            List.of(claim.id(), "HY-20260212-000002", "HY-20260212-000003"), 3, false,
            new RuleRef("cluster/ENTERPRISE", "同一企业", "the same enterprise"),
            List.of(new OrganisationRef("org-ent-meituan", "美团成都区域党委", OrganisationType.ENTERPRISE)));
        Deadlines onJointReviewRows = DemoCity.DEADLINES.deadlines(FILED, "INJURY_INSURANCE", Urgency.HIGH, true,
            DemoCity.CALENDAR);
        int eventsBefore = claim.pendingEvents().size();

        assertThat(claim.joinCluster(cluster, "HY-20260212-000003", onJointReviewRows, FILED.plusSeconds(60))).isTrue();
        assertThat(claim.joinCluster(cluster, "HY-20260212-000003", onJointReviewRows, FILED.plusSeconds(90))).isFalse();

        assertThat(claim.history()).extracting(HistoryEntry::action).containsOnlyOnce("CLUSTERED");
        assertThat(claim.pendingEvents().subList(eventsBefore, claim.pendingEvents().size()))
            .hasExactlyElementsOfTypes(GrievanceTriaged.class, JointReviewRequested.class);
        assertThat(claim.deadlines().policy()).contains("D4-JOINT-REVIEW");
        assertThat(claim.needsJointReview()).isTrue();

        TriageCase withdrawn = DemoCity.triage(grievance("INJURY_INSURANCE", "FOOD_DELIVERY_RIDER", "美团", false,
            "510112002", "保险公司拒绝理赔", FILED));
        withdrawn.withdraw(FILED.plusSeconds(30), "intake:worker", "已与平台协商解决");
        int closedBefore = withdrawn.pendingEvents().size();
        assertThat(withdrawn.joinCluster(cluster, "HY-20260212-000003", onJointReviewRows, FILED.plusSeconds(60))).isTrue();
        assertThat(withdrawn.clusters()).hasSize(1);
        assertThat(withdrawn.pendingEvents()).hasSize(closedBefore);
    }

    private static RoutingDecision named(Organisation org) {
        return new RoutingDecision(org.ref(), List.of(), new RuleRef("manual", "人工", "manual"), List.of());
    }

    private static String conflict(Runnable action) {
        try {
            action.run();
        } catch (DomainException e) {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
            return e.code();
        }
        throw new AssertionError("expected a conflict");
    }

    private static Rerouting rerouting(TriageCase c) {
        return new Rerouting() {
            @Override
            public Optional<RoutingDecision> next(Set<String> excluded) {
                return ROUTER.route(c.grievance(), c.classification().category(), REGISTRY, excluded);
            }

            @Override
            public Optional<OrganisationRef> rulingBody(Collection<String> disputants) {
                return REGISTRY.commonSuperior(disputants).map(Organisation::ref);
            }
        };
    }
}
