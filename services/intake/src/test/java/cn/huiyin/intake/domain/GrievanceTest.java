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
        assertThat(grievance.history()).singleElement().satisfies(p -> assertThat(p.noteZh()).contains("已受理"));
    }

    @Test
    void theWorkerFollowsAssignmentAndSignForInHisOwnWords() {
        Grievance grievance = rider();

        grievance.assignedTo(new Handling("org-committee-online-delivery", "网约配送行业党委", "INDUSTRY_COMMITTEE",
            List.of("org-dept-hrss"), List.of()), FILED.plusSeconds(1));
        grievance.acceptedBy("org-committee-online-delivery", FILED.plusSeconds(3600));

        assertThat(grievance.status()).isEqualTo(GrievanceStatus.IN_PROGRESS);
        assertThat(grievance.history()).extracting(Progress::noteZh)
            .containsExactly("诉求已受理，编号 HY-20261120-000017", "已分派至 网约配送行业党委 办理", "网约配送行业党委 已签收，正在办理");
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
    void identityIsErasedOnlyOnceClosedAndGroupAndPlatformStay() {
        Grievance grievance = rider();
        assertThatThrownBy(() -> grievance.eraseWorkerIdentity(FILED)).isInstanceOf(DomainException.class);

        grievance.withdraw(null, "WORKER", FILED.plusSeconds(10));
        grievance.eraseWorkerIdentity(FILED.plusSeconds(20));

        assertThat(grievance.worker().isErased()).isTrue();
        assertThat(grievance.worker().name()).isNull();
        assertThat(grievance.worker().group()).isEqualTo(WorkerGroup.FOOD_DELIVERY_RIDER);
        assertThat(grievance.worker().platformOrEmployer()).isEqualTo("美团");
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

    private static Grievance rider() {
        Submission submission = new Submission(Channel.SERVICE_HALL_WINDOW, new Recorder("clerk", "org-lqy-window", null),
            new Worker("李明", "13812341234", null, WorkerGroup.FOOD_DELIVERY_RIDER, "美团", null), false,
            "INJURY_INSURANCE", "雨天摔倒，保险拒赔", new Place("510112002", null, null), null, null, null);
        return Grievance.submit(new TrackingNumber("HY-20261120-000017"), submission, "wk-000000000000000000000001", FILED);
    }
}
