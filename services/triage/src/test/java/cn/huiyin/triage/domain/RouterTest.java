package cn.huiyin.triage.domain;

import static cn.huiyin.triage.domain.DemoCity.REGISTRY;
import static cn.huiyin.triage.domain.DemoCity.ROUTER;
import static cn.huiyin.triage.domain.DemoCity.beijing;
import static cn.huiyin.triage.domain.DemoCity.grievance;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Routing along the channel of responsibility, as a city official would expect it. */
class RouterTest {

    private static final Instant NOW = beijing(2026, 11, 20, 10, 35);

    @Test
    void aRidersRefusedInsuranceClaimGoesToTheOnlineDeliveryCommitteeWithHumanResourcesAttached() {
        RoutingDecision decision = route(grievance("INJURY_INSURANCE", "FOOD_DELIVERY_RIDER", "美团", false, "510112002",
            "保险公司拒绝理赔", NOW), Set.of());

        assertThat(decision.lead().id()).isEqualTo("org-committee-online-delivery");
        assertThat(decision.rule().id()).isEqualTo("L3-INDUSTRY/industry");
        assertThat(decision.rule().descriptionZh()).contains("外卖骑手", "市网约配送行业党委");
        assertThat(decision.coHandlers()).extracting(OrganisationRef::id).containsExactly("org-dept-hrss", "org-ent-meituan");
        assertThat(decision.coHandlingRules()).extracting(RuleRef::id).containsExactly("C1-HRSS", "C2-ENTERPRISE");
    }

    @Test
    void ridersParkingAtAMallGoesToTheStreetOfTheMallWithUrbanManagementAndTheCommunity() {
        RoutingDecision atTheCommunity = route(grievance("PARKING_ACCESS", "FOOD_DELIVERY_RIDER", "美团", false,
            "510112002001", "商场不让骑手进门，电动车没地方停", NOW), Set.of());
        RoutingDecision atTheStreet = route(grievance("PARKING_ACCESS", "FOOD_DELIVERY_RIDER", "美团", false,
            "510112001", "商场不让骑手进门", NOW), Set.of());

        assertThat(atTheCommunity.lead().id()).isEqualTo("org-street-damian");
        assertThat(atTheCommunity.rule().id()).isEqualTo("L4-PLACE/street");
        assertThat(atTheCommunity.coHandlers()).extracting(OrganisationRef::id)
            .containsExactly("org-dept-urban", "org-community-damian");
        assertThat(atTheStreet.lead().id()).isEqualTo("org-street-longquan");
        assertThat(atTheStreet.coHandlers()).extracting(OrganisationRef::id).containsExactly("org-dept-urban");
    }

    @Test
    void aPenaltyGoesToThePlatformsPartyOrganisationUnlessTheWorkerFearsTheFirm() {
        RoutingDecision open = route(grievance("PLATFORM_RULES", "COURIER", "顺丰速运", false, "510107003",
            "超时罚款不合理", NOW), Set.of());
        RoutingDecision confidential = route(grievance("PLATFORM_RULES", "COURIER", "顺丰速运", true, "510107003",
            "超时罚款不合理", NOW), Set.of());

        assertThat(open.lead().id()).isEqualTo("org-ent-sf");
        assertThat(open.coHandlers()).extracting(OrganisationRef::id).containsExactly("org-dept-postal");
        assertThat(confidential.lead().id()).isEqualTo("org-committee-express");
        assertThat(confidential.coHandlers()).extracting(OrganisationRef::id).doesNotContain("org-ent-sf");
    }

    @Test
    void aConfidentialInsuranceClaimDoesNotInvolveTheEnterprise() {
        RoutingDecision decision = route(grievance("INJURY_INSURANCE", "FOOD_DELIVERY_RIDER", "美团", true, "510112002",
            "保险公司拒绝理赔", NOW), Set.of());

        assertThat(decision.coHandlers()).extracting(OrganisationRef::id).containsExactly("org-dept-hrss");
    }

    @Test
    void gigWorkersWithoutAnIndustryCommitteeGoToTheStreet() {
        RoutingDecision decision = route(grievance("WAGES", "GIG_WORKER", null, false, "510104001", "零工市场干活工钱没结",
            NOW), Set.of());

        assertThat(decision.lead().id()).isEqualTo("org-street-chunxilu");
        assertThat(decision.rule().id()).isEqualTo("L1-GIG-WORKERS/street");
        assertThat(decision.coHandlers()).extracting(OrganisationRef::id).containsExactly("org-dept-hrss");
    }

    @Test
    void aPlaceKnownOnlyByItsDistrictGoesToTheDistrict() {
        RoutingDecision decision = route(grievance("PARKING_ACCESS", "COURIER", null, true, "510113",
            "小区不让快递车进，只能停在门口被罚", NOW), Set.of());

        assertThat(decision.lead().id()).isEqualTo("org-district-qbj");
        assertThat(decision.coHandlers()).extracting(OrganisationRef::id).containsExactly("org-dept-urban");
    }

    @Test
    void aTruckDriversPlantGateParkingThrough12328GoesToTheTransportCommitteeWithTransportAndThePark() {
        ReceivedGrievance parking = withChannel(grievance("PARKING_ACCESS", "TRUCK_DRIVER", "货运平台运满满", false,
            "510113001", "青白江物流园区某厂区门口没有货车停车位，等待装货只能停在路边，一周内两次被贴罚单。", NOW), "HOTLINE_12328");

        RoutingDecision decision = route(parking, Set.of());

        assertThat(decision.lead().id()).isEqualTo("org-committee-transport");
        assertThat(decision.rule().id()).isEqualTo("L5-DRIVERS-ON-THE-ROAD/industry");
        assertThat(decision.coHandlers()).extracting(OrganisationRef::id)
            .containsExactly("org-dept-transport", "org-dept-traffic-police", "org-op-qbj-logistics-park");
        assertThat(decision.invited()).extracting(JointReviewParty::id).containsExactly("org-street-dawan");
    }

    @Test
    void aHalalCanteenAtAServiceAreaGoesToTheTransportCommitteeWithTheOperatorOfTheServiceArea() {
        RoutingDecision decision = route(withChannel(grievance("STATIONS_FACILITIES", "TRUCK_DRIVER", null, false,
            "510116002", "成都绕城高速某服务区没有清真餐厅，少数民族司机吃饭不便。", NOW), "HOTLINE_12328"), Set.of());

        assertThat(decision.lead().id()).isEqualTo("org-committee-transport");
        assertThat(decision.coHandlers()).extracting(OrganisationRef::id)
            .containsExactly("org-dept-transport", "org-sa-ring-expressway", "org-dept-union");
    }

    @Test
    void ridersWhoCannotParkAtANamedMallHaveItsPropertyManagerCoHandleAndTheirPlatformInvitedToTheTable() {
        RoutingDecision open = route(grievance("PARKING_ACCESS", "FOOD_DELIVERY_RIDER", "美团", false, "510112005001",
            "龙湖天街不让电动车停，进门取餐还被保安拦", NOW), Set.of());
        RoutingDecision confidential = route(grievance("PARKING_ACCESS", "FOOD_DELIVERY_RIDER", "美团", true,
            "510112005001", "龙湖天街不让电动车停，进门取餐还被保安拦", NOW), Set.of());

        assertThat(open.lead().id()).isEqualTo("org-street-dongan");
        assertThat(open.coHandlers()).extracting(OrganisationRef::id)
            .containsExactly("org-dept-urban", "org-pm-longhu-tianjie", "org-community-shufang");
        assertThat(open.invited()).extracting(JointReviewParty::id).containsExactly("org-ent-meituan");
        assertThat(open.clusterInvitations()).containsExactlyInAnyOrder(RoutingDecision.ENTERPRISES,
            RoutingDecision.PLACE_MANAGERS);
        assertThat(confidential.coHandlers()).extracting(OrganisationRef::id)
            .containsExactly("org-dept-urban", "org-community-shufang");
        assertThat(confidential.invited()).isEmpty();
        assertThat(confidential.clusterInvitations()).isEmpty();
    }

    @Test
    void eachWorkerGroupHasItsIndustryRegulatorAttached() {
        assertThat(route(grievance("WAGES", "COURIER", "中通", false, "510107003", "网点拖欠派件费", NOW), Set.of())
            .coHandlers()).extracting(OrganisationRef::id).containsExactly("org-dept-hrss", "org-ent-zto", "org-dept-postal");
        assertThat(route(grievance("PLATFORM_RULES", "RIDE_HAILING_DRIVER", "滴滴出行", false, "510104001",
            "账号被封", NOW), Set.of()).coHandlers()).extracting(OrganisationRef::id).containsExactly("org-dept-transport");
        assertThat(route(grievance("PLATFORM_RULES", "TAXI_DRIVER", null, false, "510104001", "巡游车公司乱扣份子钱",
            NOW), Set.of()).coHandlers()).extracting(OrganisationRef::id).containsExactly("org-dept-transport");
        RoutingDecision streamer = route(grievance("LABOUR_CONTRACT", "ONLINE_STREAMER", "某直播电商公司", true,
            "510116004", "经纪合同违约金20万", NOW), Set.of());
        assertThat(streamer.lead().id()).isEqualTo("org-committee-ecommerce");
        assertThat(streamer.coHandlers()).extracting(OrganisationRef::id)
            .containsExactly("org-dept-hrss", "org-dept-cac", "org-dept-market");
    }

    @Test
    void anOrganisationThatReturnedTheCaseIsSkippedForTheNextInLine() {
        ReceivedGrievance claim = grievance("INJURY_INSURANCE", "FOOD_DELIVERY_RIDER", "美团", false, "510112002",
            "保险公司拒绝理赔", NOW);

        RoutingDecision second = route(claim, Set.of("org-committee-online-delivery"));
        RoutingDecision third = route(claim, Set.of("org-committee-online-delivery", "org-street-damian"));

        assertThat(second.lead().id()).isEqualTo("org-street-damian");
        assertThat(second.rule().id()).isEqualTo("L3-INDUSTRY/street");
        assertThat(second.rule().descriptionZh()).contains("前序单位已退回");
        assertThat(third.lead().id()).isEqualTo("org-district-lqy");
    }

    @Test
    void everyOrganisationTheRulesNameIsInTheDemoRegistry() {
        assertThat(ROUTER.unknownOrganisations(REGISTRY)).isEmpty();
    }

    @Test
    void aDepartmentNoLongerCompetentForACategoryIsNoLongerAttachedToIt() {
        OrganisationRegistry withoutInsurance = new OrganisationRegistry(
            cn.huiyin.triage.persistence.RuleFiles.demoOrganisations().stream()
                .map(o -> !o.id().equals("org-dept-hrss") ? o : new Organisation(o.id(), o.name(), o.nameEn(),
                    o.type(), o.parentId(), o.jurisdiction(), o.competences().stream()
                        .filter(c -> !c.equals("INJURY_INSURANCE")).collect(java.util.stream.Collectors.toSet()),
                    o.workerGroups(), o.aliases(), o.businessHours(), o.active()))
                .toList());
        ReceivedGrievance claim = grievance("INJURY_INSURANCE", "FOOD_DELIVERY_RIDER", "美团", false, "510112002",
            "保险公司拒绝理赔", NOW);

        RoutingDecision decision = ROUTER.route(claim, claim.category(), withoutInsurance, Set.of()).orElseThrow();

        assertThat(decision.lead().id()).isEqualTo("org-committee-online-delivery");
        assertThat(decision.coHandlers()).extracting(OrganisationRef::id).doesNotContain("org-dept-hrss");
    }

    private static ReceivedGrievance withChannel(ReceivedGrievance g, String channel) {
        return new ReceivedGrievance(g.grievanceId(), g.submittedAt(), channel, g.workerRef(), g.workerGroup(),
            g.platformOrEmployer(), g.confidential(), g.category(), g.description(), g.divisionCode(), g.address());
    }

    private static RoutingDecision route(ReceivedGrievance grievance, Set<String> excluded) {
        return ROUTER.route(grievance, grievance.category(), REGISTRY, excluded).orElseThrow();
    }
}
