package cn.huiyin.intake.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import cn.huiyin.intake.application.access.GrievanceAccess;
import cn.huiyin.intake.domain.Channel;
import cn.huiyin.intake.domain.Grievance;
import cn.huiyin.intake.domain.Handling;
import cn.huiyin.intake.domain.Place;
import cn.huiyin.intake.domain.Submission;
import cn.huiyin.intake.domain.TrackingNumber;
import cn.huiyin.intake.domain.Worker;
import cn.huiyin.intake.domain.WorkerGroup;
import cn.huiyin.platform.kernel.access.Caller;
import cn.huiyin.platform.kernel.access.Jurisdiction;
import cn.huiyin.platform.kernel.access.PersonalDataPolicy.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GrievanceAccessTest {

    private static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");

    private final Caller onlineDeliveryHandler = caller("ORG_HANDLER", "org-committee-online-delivery", "510100");
    private final Caller meituanHandler = caller("ORG_HANDLER", "org-ent-meituan", "510100");
    private final Caller hrssLiaison = caller("DEPARTMENT_LIAISON", "org-dept-hrss", "510100");
    private final Caller districtSupervisor = caller("SUPERVISOR", "org-district-lqy", "510112");
    private final Caller streetCallbackAgent = caller("CALLBACK_AGENT", "org-street-damian", "510112002");

    @Test
    void theHandlingOrganisationAndItsCoHandlersSeeTheCaseAndMayCallTheWorker() {
        Grievance grievance = grievance(false, "510112002");
        grievance.assignedTo(new Handling("org-committee-online-delivery", "网约配送行业党委", "INDUSTRY_COMMITTEE",
            List.of("org-dept-hrss"), List.of()), NOW);

        assertThat(GrievanceAccess.canSee(onlineDeliveryHandler, grievance)).isTrue();
        assertThat(GrievanceAccess.disclosure(onlineDeliveryHandler, grievance).mayContact()).isTrue();
        assertThat(GrievanceAccess.canSee(hrssLiaison, grievance)).isTrue();
        assertThat(GrievanceAccess.disclosure(hrssLiaison, grievance).mayContact()).isTrue();
        assertThat(GrievanceAccess.canSee(meituanHandler, grievance)).isFalse();
    }

    @Test
    void aConfidentialGrievanceNeverShowsTheWorkerToTheEnterprise() {
        Grievance grievance = grievance(true, "510112002");
        grievance.assignedTo(new Handling("org-ent-meituan", "美团企业党组织", "ENTERPRISE", List.of(), List.of()), NOW);

        assertThat(GrievanceAccess.canSee(meituanHandler, grievance)).isTrue();
        for (Field field : Field.values()) {
            assertThat(GrievanceAccess.disclosure(meituanHandler, grievance).withholds(field)).as(field.name()).isTrue();
        }
        assertThat(GrievanceAccess.disclosure(meituanHandler, grievance).mayContact()).isFalse();
    }

    @Test
    void aNonConfidentialGrievanceMayBeHandledByTheEnterpriseWithContact() {
        Grievance grievance = grievance(false, "510112002");
        grievance.assignedTo(new Handling("org-ent-meituan", "美团企业党组织", "ENTERPRISE", List.of(), List.of()), NOW);

        assertThat(GrievanceAccess.disclosure(meituanHandler, grievance).withholds(Field.PSEUDONYM)).isFalse();
        assertThat(GrievanceAccess.disclosure(meituanHandler, grievance).mayContact()).isTrue();
    }

    @Test
    void anEnterpriseCoHandlingAConfidentialCaseStillNeverSeesTheWorker() {
        Grievance grievance = grievance(true, "510112002");
        grievance.assignedTo(new Handling("org-committee-online-delivery", "网约配送行业党委", "INDUSTRY_COMMITTEE",
            List.of("org-dept-hrss", "org-ent-meituan"), List.of("org-ent-meituan")), NOW);

        assertThat(GrievanceAccess.canSee(meituanHandler, grievance)).isTrue();
        assertThat(GrievanceAccess.disclosure(meituanHandler, grievance).withholds(Field.PLATFORM_ORDER_NUMBER)).isTrue();
        assertThat(GrievanceAccess.disclosure(meituanHandler, grievance).mayContact()).isFalse();
        assertThat(GrievanceAccess.disclosure(onlineDeliveryHandler, grievance).withholds(Field.PSEUDONYM)).isFalse();
    }

    @Test
    void territoryDecidesForSupervisorsAndCallbackAgents() {
        Grievance inStreet = grievance(false, "510112002001");
        Grievance otherDistrict = grievance(false, "510104001");

        assertThat(GrievanceAccess.canSee(districtSupervisor, inStreet)).isTrue();
        assertThat(GrievanceAccess.canSee(districtSupervisor, otherDistrict)).isFalse();
        assertThat(GrievanceAccess.disclosure(districtSupervisor, inStreet).mayContact()).isFalse();
        assertThat(GrievanceAccess.disclosure(streetCallbackAgent, inStreet).mayContact()).isTrue();
        assertThat(GrievanceAccess.canSee(streetCallbackAgent, otherDistrict)).isFalse();
    }

    @ParameterizedTest(name = "jurisdiction \"{0}\"")
    @ValueSource(strings = {"", "  ", "5101", "51O112", "000000"})
    void aTokenWithoutAUsableJurisdictionSeesNothingByTerritory(String claim) {
        Caller nowhere = caller("SUPERVISOR", "org-district-lqy", claim);

        assertThat(GrievanceAccess.canSee(nowhere, grievance(false, "510112002"))).isFalse();
        assertThat(GrievanceAccess.scopeOf(nowhere).isEmpty()).isTrue();
    }

    @Test
    void rolesThatReadNoGrievancesHaveAnEmptyScope() {
        for (String role : List.of("MEETING_CONVENER", "DASHBOARD_VIEWER", "ADMIN")) {
            assertThat(GrievanceAccess.scopeOf(caller(role, "org-city-swb", "510100")).isEmpty()).as(role).isTrue();
        }
    }

    private static Caller caller(String role, String org, String jurisdiction) {
        return new Caller(role.toLowerCase() + "@" + org, Set.of(role), org, Jurisdiction.of(jurisdiction));
    }

    private static Grievance grievance(boolean confidential, String divisionCode) {
        Submission submission = new Submission(Channel.SERVICE_HALL_WINDOW, null,
            new Worker("李明", "13812341234", null, WorkerGroup.FOOD_DELIVERY_RIDER, "美团", null), confidential,
            "INJURY_INSURANCE", "雨天摔倒，保险拒赔", new Place(divisionCode, null, null), null, null, null);
        return Grievance.submit(new TrackingNumber("HY-20261122-000001"), submission, "wk-000000000000000000000001", NOW);
    }
}
