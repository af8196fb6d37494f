package cn.huiyin.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import cn.huiyin.platform.kernel.DomainException;
import org.junit.jupiter.api.Test;

class GrievanceTest {

    private static final Instant FILED = Instant.parse("2026-11-20T02:35:00Z");

    @Test
    void aNewGrievanceIsSubmittedWithOneEventAndAHistoryLine() {
        Grievance grievance = rider();

        assertThat(grievance.status()).isEqualTo(GrievanceStatus.SUBMITTED);
        assertThat(grievance.pendingEvents()).singleElement().isInstanceOf(GrievanceSubmitted.class);
        assertThat(grievance.history()).singleElement().satisfies(p -> {
            assertThat(p.step()).isEqualTo(Progress.Step.SUBMITTED);
            assertThat(p.params()).containsEntry("trackingNumber", "HY-20261120-000017");
        });
    }

    @Test
    void theWorkerFollowsAssignmentAndSignForInHisOwnWords() {
        Grievance grievance = rider();

        grievance.assignedTo(new Handling("org-committee-online-delivery", "网约配送行业党委", "INDUSTRY_COMMITTEE",
            List.of("org-dept-hrss"), List.of()), FILED.plusSeconds(1));
        grievance.acceptedBy("org-committee-online-delivery", FILED.plusSeconds(3600));

        assertThat(grievance.status()).isEqualTo(GrievanceStatus.IN_PROGRESS);
        assertThat(grievance.history()).extracting(Progress::step)
            .containsExactly(Progress.Step.SUBMITTED, Progress.Step.ASSIGNED, Progress.Step.ACCEPTED);
        assertThat(grievance.history().get(2).params()).containsEntry("org", "网约配送行业党委");
    }

    @Test
    void aWithdrawalWinsOverAnAssignmentThatCrossedIt() {
        Grievance grievance = rider();
        grievance.withdraw("已解决", "WORKER", FILED.plusSeconds(10));

        grievance.assignedTo(new Handling("org-committee-online-delivery", "网约配送行业党委", "INDUSTRY_COMMITTEE", List.of(),
            List.of()), FILED.plusSeconds(11));

        assertThat(grievance.status()).isEqualTo(GrievanceStatus.WITHDRAWN);
        assertThat(grievance.handling()).isNull();
    }

    @Test
    void aClosedGrievanceRefusesMoreInformationWithAReason() {
        Grievance grievance = rider();
        grievance.withdraw(null, "WORKER", FILED.plusSeconds(10));

        assertThatThrownBy(() -> grievance.supplement("还有", "WORKER", FILED.plusSeconds(20)))
            .isInstanceOf(DomainException.class)
            .satisfies(e -> {
                DomainException d = (DomainException) e;
                assertThat(d.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                assertThat(d.messageZh()).contains("已撤回");
            });
    }

    @Test
    void everythingPersonalIsErasedOnlyOnceClosedAndWhatTheStatisticsNeedStays() {
        Grievance grievance = rider();
        grievance.issueQueryCode("h1:hash");
        grievance.supplement("我的工号是 MT-8842，站长是王五", "WORKER", FILED.plusSeconds(5));
        grievance.attach(new Evidence("f1", "李明的工伤证明.pdf", "application/pdf", 10, FILED, "WORKER"), FILED.plusSeconds(6));
        grievance.mergedInto("HY-20261119-000003", FILED.plusSeconds(7));
        assertThatThrownBy(() -> rider().erasePersonalData(FILED)).isInstanceOf(DomainException.class);

        List<Evidence> files = grievance.erasePersonalData(FILED.plusSeconds(20));

        assertThat(files).extracting(Evidence::fileId).containsExactly("f1");
        assertThat(grievance.worker().isErased()).isTrue();
        assertThat(grievance.worker().name()).isNull();
        assertThat(grievance.worker().homeStation()).isNull();
        assertThat(grievance.workerRef()).isNull();
        assertThat(grievance.queryCodeHash()).isNull();
        assertThat(grievance.submission().description()).isNull();
        assertThat(grievance.submission().place().address()).isNull();
        assertThat(grievance.submission().place().coordinates()).isNull();
        assertThat(grievance.submission().externalReferences()).isNull();
        assertThat(grievance.submission().preferredContactTime()).isNull();
        assertThat(grievance.supplements()).singleElement().satisfies(s -> assertThat(s.text()).isNull());
        assertThat(grievance.evidence()).isEmpty();
        assertThat(grievance.history().toString()).doesNotContain("李明的工伤证明", "HY-20261119-000003");
        assertThat(grievance.worker().group()).isEqualTo(WorkerGroup.FOOD_DELIVERY_RIDER);
        assertThat(grievance.worker().platformOrEmployer()).isEqualTo("美团");
        assertThat(grievance.submission().category()).isEqualTo("INJURY_INSURANCE");
        assertThat(grievance.submission().place().divisionCode()).isEqualTo("510112002");
        assertThat(grievance.personalDataErasedAt()).isEqualTo(FILED.plusSeconds(20));
    }

    @Test
    void evidenceIsCappedPerGrievance() {
        Grievance grievance = rider();
        for (int i = 0; i < Grievance.MAX_EVIDENCE; i++) {
            grievance.attach(new Evidence("f" + i, "p" + i + ".png", "image/png", 10, FILED, "STAFF"), FILED);
        }

        assertThatThrownBy(() -> grievance.attach(new Evidence("x", "x.png", "image/png", 10, FILED, "STAFF"), FILED))
            .isInstanceOf(DomainException.class);
        assertThat(grievance.evidence()).hasSize(Grievance.MAX_EVIDENCE);
    }

    @Test
    void aGrievanceTakesThirtySupplementsAndRefusesTheThirtyFirstWithAConflict() {
        Grievance grievance = rider();
        for (int i = 0; i < 30; i++) {
            grievance.supplement("补充第 " + i + " 条", "WORKER", FILED.plusSeconds(i));
        }

        assertThatThrownBy(() -> grievance.supplement("再补充", "WORKER", FILED.plusSeconds(60)))
            .isInstanceOf(DomainException.class).extracting("code").isEqualTo("supplement.too-many");
        assertThat(grievance.supplements()).hasSize(30);
    }

    @Test
    void theHistoryKeepsTheFilingAndTheLatestTwoHundredStepsHoweverOftenTheCaseIsReassigned() {
        Grievance grievance = rider();
        for (int i = 0; i < 500; i++) {
            grievance.assignedTo(new Handling("org-" + i, "组织" + i, "STREET", List.of(), List.of()), FILED.plusSeconds(i));
        }

        assertThat(grievance.history()).hasSize(200);
        assertThat(grievance.history().get(0).step()).isEqualTo(Progress.Step.SUBMITTED);
        assertThat(grievance.history().get(199).params()).containsEntry("org", "组织499");
        assertThat(grievance.history().get(1).params()).containsEntry("org", "组织301");
    }

    private static Grievance rider() {
        Submission submission = new Submission(Channel.SERVICE_HALL_WINDOW, new Recorder("clerk", "org-lqy-window", null),
            new Worker("李明", "13812341234", null, WorkerGroup.FOOD_DELIVERY_RIDER, "美团", "大面站"), false,
            "INJURY_INSURANCE", "雨天摔倒，保险拒赔", new Place("510112002", "成龙大道二段", new Place.Coordinates(30.56, 104.27)),
            null, new ExternalReferences(null, "MT2026111218342211"), "晚上");
        return Grievance.submit(new TrackingNumber("HY-20261120-000017"), submission, "wk-000000000000000000000001", FILED);
    }
}
