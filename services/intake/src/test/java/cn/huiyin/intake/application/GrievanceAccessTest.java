package cn.huiyin.intake.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import cn.huiyin.intake.domain.Channel;
import cn.huiyin.intake.domain.Grievance;
import cn.huiyin.intake.domain.Handling;
import cn.huiyin.intake.domain.Place;
import cn.huiyin.intake.domain.Submission;
import cn.huiyin.intake.domain.TrackingNumber;
import cn.huiyin.intake.domain.Worker;
import cn.huiyin.intake.domain.WorkerGroup;
import cn.huiyin.platform.service.security.HuiyinUser;
import org.junit.jupiter.api.Test;

class GrievanceAccessTest {

    private static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");

    private final HuiyinUser onlineDeliveryHandler = user("ORG_HANDLER", "org-committee-online-delivery", "510100");
    private final HuiyinUser meituanHandler = user("ORG_HANDLER", "org-ent-meituan", "510100");
    private final HuiyinUser hrssLiaison = user("DEPARTMENT_LIAISON", "org-dept-hrss", "510100");
    private final HuiyinUser districtSupervisor = user("SUPERVISOR", "org-district-lqy", "510112");
    private final HuiyinUser streetCallbackAgent = user("CALLBACK_AGENT", "org-street-damian", "510112002");

    @Test
    void theHandlingOrganisationAndItsCoHandlersSeeTheCaseAndMayCallTheWorker() {
        Grievance grievance = grievance(false, "510112002");
        grievance.assignedTo(new Handling("org-committee-online-delivery", "网约配送行业党委", "INDUSTRY_COMMITTEE",
            List.of("org-dept-hrss"), List.of()), NOW);

        assertThat(GrievanceAccess.canSee(onlineDeliveryHandler, grievance)).isTrue();
        assertThat(GrievanceAccess.canContact(onlineDeliveryHandler, grievance)).isTrue();
        assertThat(GrievanceAccess.canSee(hrssLiaison, grievance)).isTrue();
        assertThat(GrievanceAccess.canContact(hrssLiaison, grievance)).isTrue();
        assertThat(GrievanceAccess.canSee(meituanHandler, grievance)).isFalse();
    }

    @Test
    void aConfidentialGrievanceNeverShowsTheWorkerToTheEnterprise() {
        Grievance grievance = grievance(true, "510112002");
        grievance.assignedTo(new Handling("org-ent-meituan", "美团企业党组织", "ENTERPRISE", List.of(), List.of()), NOW);

        assertThat(GrievanceAccess.canSee(meituanHandler, grievance)).isTrue();
        assertThat(GrievanceAccess.canSeeIdentity(meituanHandler, grievance)).isFalse();
        assertThat(GrievanceAccess.canContact(meituanHandler, grievance)).isFalse();
    }

    @Test
    void aNonConfidentialGrievanceMayBeHandledByTheEnterpriseWithContact() {
        Grievance grievance = grievance(false, "510112002");
        grievance.assignedTo(new Handling("org-ent-meituan", "美团企业党组织", "ENTERPRISE", List.of(), List.of()), NOW);

        assertThat(GrievanceAccess.canSeeIdentity(meituanHandler, grievance)).isTrue();
        assertThat(GrievanceAccess.canContact(meituanHandler, grievance)).isTrue();
    }

    @Test
    void anEnterpriseCoHandlingAConfidentialCaseStillNeverSeesTheWorker() {
        Grievance grievance = grievance(true, "510112002");
        grievance.assignedTo(new Handling("org-committee-online-delivery", "网约配送行业党委", "INDUSTRY_COMMITTEE",
            List.of("org-dept-hrss", "org-ent-meituan"), List.of("org-ent-meituan")), NOW);

        assertThat(GrievanceAccess.canSee(meituanHandler, grievance)).isTrue();
        assertThat(GrievanceAccess.canSeeIdentity(meituanHandler, grievance)).isFalse();
        assertThat(GrievanceAccess.canContact(meituanHandler, grievance)).isFalse();
        assertThat(GrievanceAccess.canSeeIdentity(onlineDeliveryHandler, grievance)).isTrue();
    }

    @Test
    void territoryDecidesForSupervisorsAndCallbackAgents() {
        Grievance inStreet = grievance(false, "510112002001");
        Grievance otherDistrict = grievance(false, "510104001");

        assertThat(GrievanceAccess.canSee(districtSupervisor, inStreet)).isTrue();
        assertThat(GrievanceAccess.canSee(districtSupervisor, otherDistrict)).isFalse();
        assertThat(GrievanceAccess.canContact(districtSupervisor, inStreet)).isFalse();
        assertThat(GrievanceAccess.canContact(streetCallbackAgent, inStreet)).isTrue();
        assertThat(GrievanceAccess.canContact(streetCallbackAgent, otherDistrict)).isFalse();
    }

    private static HuiyinUser user(String role, String org, String jurisdiction) {
        return new HuiyinUser(role.toLowerCase() + "@" + org, null, Set.of(role), org, jurisdiction);
    }

    private static Grievance grievance(boolean confidential, String divisionCode) {
        Submission submission = new Submission(Channel.SERVICE_HALL_WINDOW, null,
            new Worker("李明", "13812341234", null, WorkerGroup.FOOD_DELIVERY_RIDER, "美团", null), confidential,
            "INJURY_INSURANCE", "雨天摔倒，保险拒赔", new Place(divisionCode, null, null), null, null, null);
        return Grievance.submit(new TrackingNumber("HY-20261122-000001"), submission, "wk-000000000000000000000001", NOW);
    }
}
