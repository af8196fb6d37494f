package cn.huiyin.followup.domain.casefile;

import static cn.huiyin.followup.domain.Fixtures.TIME;
import static cn.huiyin.followup.domain.Fixtures.beijing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import cn.huiyin.followup.domain.Hierarchy;
import cn.huiyin.followup.domain.OrganisationRef;
import cn.huiyin.followup.domain.clock.WorkingTime;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.kernel.access.Caller;
import cn.huiyin.platform.kernel.access.Jurisdiction;
import cn.huiyin.platform.kernel.access.Roles;
import org.junit.jupiter.api.Test;

/** The case file on its own: events in any order and replayed, the steps of handling in their order. */
class CaseFileTest {

    static final OrganisationRef COMMITTEE = new OrganisationRef("org-committee-online-delivery", "市网约配送行业党委",
        "INDUSTRY_COMMITTEE");
    static final OrganisationRef CITY = new OrganisationRef("org-city-swb", "成都市委社会工作部（两新工委）",
        "CITY_WORK_DEPARTMENT");
    static final Caller HANDLER = new Caller("zhao", Set.of(Roles.ORG_HANDLER), COMMITTEE.id(), Jurisdiction.of("510100"));
    static final Instant SUBMITTED = beijing(2026, 12, 2, 10, 0);

    @Test
    void intakesAndTriagesEventsGiveTheSameCaseFileInEitherOrder() {
        CaseFile intakeFirst = CaseFile.open("HY-20261202-000001", SUBMITTED);
        submitted(intakeFirst);
        assigned(intakeFirst, 1);
        CaseFile triageFirst = CaseFile.open("HY-20261202-000001", SUBMITTED.plusSeconds(1));
        assigned(triageFirst, 1);
        submitted(triageFirst);

        assertThat(triageFirst.facts()).isEqualTo(intakeFirst.facts());
        assertThat(triageFirst.clocks().all()).isEqualTo(intakeFirst.clocks().all());
        assertThat(triageFirst.clocks().response().orElseThrow().startedAt()).isEqualTo(SUBMITTED);
    }

    @Test
    void aReplayedAssignmentChangesNothing() {
        CaseFile file = CaseFile.open("HY-20261202-000001", SUBMITTED);
        assigned(file, 1);
        CaseFile.Snapshot once = file.snapshot();

        assigned(file, 1);

        assertThat(file.snapshot()).isEqualTo(once);
    }

    @Test
    void theFirstStageStartsAtSubmissionAlsoWhenTriagesEventArrivesFirst() {
        CaseFile file = CaseFile.open("HY-20261202-000002", SUBMITTED.plusSeconds(5));
        assigned(file, 1);
        submitted(file);

        assertThat(file.stages()).first().satisfies(stage -> {
            assertThat(stage.stage()).isEqualTo("NEW");
            assertThat(stage.from()).isEqualTo(SUBMITTED);
            assertThat(stage.to()).isAfterOrEqualTo(stage.from());
        });
    }

    @Test
    void handlingFollowsItsOrderAndARefusalChangesNothing() {
        CaseFile file = CaseFile.open("HY-20261202-000001", SUBMITTED);
        submitted(file);
        assigned(file, 1);
        file.signedFor(COMMITTEE.id(), 1, SUBMITTED.plusSeconds(600), TIME);
        CaseFile.Snapshot before = file.snapshot();

        assertThatThrownBy(() -> file.resolve(HANDLER, ResolutionKind.RESOLVED, null, Remedy.NONE, List.of(),
            SUBMITTED.plusSeconds(900), TIME)).isInstanceOf(DomainException.class)
            .extracting(e -> ((DomainException) e).code()).isEqualTo("resolution.before-first-contact");
        assertThat(file.snapshot()).isEqualTo(before);
        assertThat(file.pendingEvents()).isEmpty();

        file.recordFirstContact(HANDLER, null, ContactChannel.PHONE, null, SUBMITTED.plusSeconds(1200), TIME);
        assertThat(file.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(file.clocks().response().orElseThrow().wasMet()).isTrue();
    }

    @Test
    void aCaseFileTakesAHundredProgressNotesAndRefusesTheNextWithAConflictKeepingTheHistoryBounded() {
        CaseFile file = CaseFile.open("HY-20261202-000001", SUBMITTED);
        submitted(file);
        assigned(file, 1);
        file.signedFor(COMMITTEE.id(), 1, SUBMITTED.plusSeconds(600), TIME);
        file.recordFirstContact(HANDLER, null, ContactChannel.PHONE, null, SUBMITTED.plusSeconds(1200), TIME);
        for (int i = 0; i < 100; i++) {
            file.recordProgress(HANDLER, "第 " + i + " 次进展", List.of(), SUBMITTED.plusSeconds(1300 + i));
        }
        CaseFile.Snapshot full = file.snapshot();

        assertThatThrownBy(() -> file.recordProgress(HANDLER, "再一次", List.of(), SUBMITTED.plusSeconds(2000)))
            .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).code())
            .isEqualTo("progress.too-many");
        assertThat(file.snapshot()).isEqualTo(full);
        assertThat(file.progress()).hasSize(100);
        assertThat(file.history()).hasSizeLessThanOrEqualTo(300);
    }

    private static void submitted(CaseFile file) {
        file.submitted(SUBMITTED, "wk-3f9a1c07d2e84b6a90c15e2d", "FOOD_DELIVERY_RIDER", "美团", "510112002", false,
            "INJURY_INSURANCE", "雨天送餐途中摔倒致手部骨折", TIME);
    }

    private static void assigned(CaseFile file, int attempt) {
        file.assigned(new Handling(COMMITTEE, List.of(), new Hierarchy(COMMITTEE, List.of(CITY)).ancestors(), attempt,
                SUBMITTED.plusSeconds(1), null, false), "INJURY_INSURANCE", "工伤与意外险理赔", "HIGH",
            beijing(2026, 12, 2, 15, 30), beijing(2026, 12, 7, 17, 30), WorkingTime.OFFICE_HOURS, TIME);
    }
}
