package cn.huiyin.triage.domain;

import static cn.huiyin.triage.domain.DemoCity.beijing;
import static cn.huiyin.triage.domain.DemoCity.grievance;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClassifierTest {

    @Test
    void theFilersCategoryIsKeptAndTheRiderInjuryMakesItPressing() {
        Classification c = DemoCity.CLASSIFIER.classify(grievance("INJURY_INSURANCE", "FOOD_DELIVERY_RIDER", "美团", false,
            "510112002", "雨天送餐途中摔倒致手部骨折，保险公司以受伤时间与订单记录相差15分钟为由拒绝理赔。",
            beijing(2026, 11, 20, 10, 35)));

        assertThat(c.category()).isEqualTo("INJURY_INSURANCE");
        assertThat(c.source()).isEqualTo(CategorySource.FILER);
        assertThat(c.confidence()).isEqualTo(1.0);
        assertThat(c.urgency()).isEqualTo(Urgency.HIGH);
        assertThat(c.urgencyReasons()).extracting(RuleRef::id).containsExactly("U3-INJURY");
        assertThat(c.needsJointReview()).isFalse();
        assertThat(c.workersAffected()).as("相差15分钟 is not a crowd").isNull();
    }

    @Test
    void withoutACategoryTheKeywordsDecideWithAConfidence() {
        Classification c = DemoCity.CLASSIFIER.classify(grievance(null, "TRUCK_DRIVER", null, true, "510113",
            "厂区门口没有货车停车位，等待装货只能停在路边被罚款。", beijing(2026, 11, 21, 9, 2)));

        assertThat(c.category()).isEqualTo("PARKING_ACCESS");
        assertThat(c.source()).isEqualTo(CategorySource.RULES);
        assertThat(c.matchedTerms()).contains("停车", "车位");
        assertThat(c.confidence()).isBetween(0.5, 0.9);
        assertThat(c.needsConfirmation(0.5)).isFalse();
    }

    @Test
    void aDescriptionNoRuleRecognisesIsOtherWithNoConfidenceForAPersonToConfirm() {
        Classification c = DemoCity.CLASSIFIER.classify(grievance(null, "GIG_WORKER", null, false, "510104",
            "想咨询一下相关政策。", beijing(2026, 11, 21, 9, 2)));

        assertThat(c.category()).isEqualTo(Categories.OTHER);
        assertThat(c.confidence()).isZero();
        assertThat(c.needsConfirmation(0.5)).isTrue();
    }

    @Test
    void wageArrearsOfManyRidersWeeksBeforeTheSpringFestivalAreUrgentAndNeedAJointReview() {
        Classification c = DemoCity.CLASSIFIER.classify(grievance("WAGES", "FOOD_DELIVERY_RIDER", "饿了么", false,
            "510107003", "站点十几名骑手两个月工资被拖欠，春节前急需回家。", beijing(2026, 2, 5, 10, 0)));

        assertThat(c.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(c.urgencyReasons()).extracting(RuleRef::id)
            .contains("U4-MANY-WORKERS", "U5-WAGES-SPRING-FESTIVAL", "U6-MANY-WORKERS-WAGES-SPRING-FESTIVAL");
        assertThat(c.workersAffected()).isEqualTo(13);
        assertThat(c.needsJointReview()).isTrue();
        assertThat(c.jointReviewReasons()).extracting(RuleRef::id).containsExactly("J1-MANY-WORKERS");
    }

    @Test
    void theSameArrearsInJuneArePressingButNotUrgent() {
        Classification june = DemoCity.CLASSIFIER.classify(grievance("WAGES", "FOOD_DELIVERY_RIDER", "饿了么", false,
            "510107003", "站点十几名骑手两个月工资被拖欠。", beijing(2026, 6, 5, 10, 0)));
        Classification oneRiderBeforeTheFestival = DemoCity.CLASSIFIER.classify(grievance("WAGES", "FOOD_DELIVERY_RIDER",
            "饿了么", false, "510107003", "我的工资被拖欠两个月了。", beijing(2027, 1, 20, 10, 0)));

        assertThat(june.urgency()).isEqualTo(Urgency.HIGH);
        assertThat(june.urgencyReasons()).extracting(RuleRef::id).containsExactly("U4-MANY-WORKERS");
        assertThat(oneRiderBeforeTheFestival.urgency()).isEqualTo(Urgency.HIGH);
        assertThat(oneRiderBeforeTheFestival.urgencyReasons()).extracting(RuleRef::id)
            .containsExactly("U5-WAGES-SPRING-FESTIVAL");
    }

    @Test
    void retaliationReportedAtTheCallbackIsUrgent() {
        Classification c = DemoCity.CLASSIFIER.classify(grievance("PLATFORM_RULES", "FOOD_DELIVERY_RIDER", "美团", false,
            "510112002", "【回访发现打击报复，紧急】投诉后站点派单明显减少，每天少了十几单，站长说是系统分配（关联诉求 HY-20261120-000017）",
            beijing(2026, 12, 24, 11, 0)));

        assertThat(c.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(c.urgencyReasons()).extracting(RuleRef::id).contains("U3b-RETALIATION");
    }

    @Test
    void dangerToLifeIsUrgentWhateverTheCategory() {
        Classification c = DemoCity.CLASSIFIER.classify(grievance(null, "FOOD_DELIVERY_RIDER", null, false,
            "510112002001", "大面社区路口井盖缺失，晚上送餐看不见，随时可能有人掉下去。", beijing(2026, 11, 21, 21, 0)));

        assertThat(c.category()).isEqualTo("SAFETY_HAZARD");
        assertThat(c.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(c.urgencyReasons()).extracting(RuleRef::id).containsExactly("U1-DANGER", "U1b-DANGER-PLAIN-WORDS");
    }

    @Test
    void aBrokenManholeCoverARiderNearlyFellIntoIsUrgentInPlainWordsAndSaysWhichWords() {
        Classification filed = DemoCity.CLASSIFIER.classify(grievance("SAFETY_HAZARD", "FOOD_DELIVERY_RIDER", "美团", false,
            "510104002", "湖滨路的井盖有损坏，已经有骑手差点摔进去，很危险。", beijing(2026, 11, 21, 21, 0)));
        Classification plainOnly = DemoCity.CLASSIFIER.classify(grievance(null, "COURIER", null, false,
            "510107003001", "小区门口的广告牌被风吹得摇摇晃晃，随时可能掉下来。", beijing(2026, 11, 21, 21, 0)));

        assertThat(filed.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(filed.urgencyReasons()).extracting(RuleRef::id).contains("U1b-DANGER-PLAIN-WORDS");
        assertThat(filed.urgencyReasons()).filteredOn(r -> r.id().equals("U1b-DANGER-PLAIN-WORDS"))
            .extracting(RuleRef::descriptionZh).singleElement().asString().contains("很危险", "差点…摔");
        assertThat(plainOnly.category()).isEqualTo("SAFETY_HAZARD");
        assertThat(plainOnly.urgency()).isEqualTo(Urgency.URGENT);
    }

    @Test
    void plainDangerOutsideAHazardMakesItPressingNotAnEmergency() {
        Classification c = DemoCity.CLASSIFIER.classify(grievance(null, "FOOD_DELIVERY_RIDER", "美团", false,
            "510112002", "系统派单时间越来越短，超时一次罚款五十，为了不超时只能闯红灯逆行，很危险。", beijing(2026, 11, 21, 9, 0)));

        assertThat(c.category()).isEqualTo("PLATFORM_RULES");
        assertThat(c.urgency()).isEqualTo(Urgency.HIGH);
        assertThat(c.urgencyReasons()).extracting(RuleRef::id).containsExactly("U1c-DANGER-PLAIN-WORDS");
    }

    @Test
    void wordsThatSayThereIsNoDangerOrInjuryDoNotRaiseUrgency() {
        Classification noInjury = DemoCity.CLASSIFIER.classify(grievance("INJURY_INSURANCE", "FOOD_DELIVERY_RIDER", "美团",
            false, "510112002", "想问意外险理赔需要哪些材料，人没有受伤，是电动车被撞坏了。", beijing(2026, 11, 21, 9, 0)));
        Classification repaired = DemoCity.CLASSIFIER.classify(grievance("SAFETY_HAZARD", "FOOD_DELIVERY_RIDER", null,
            false, "510112002", "上次反映的井盖已经修好了，现在没有危险了，另外路口的路灯不亮。", beijing(2026, 11, 21, 9, 0)));
        Classification account = DemoCity.CLASSIFIER.classify(grievance("PLATFORM_RULES", "FOOD_DELIVERY_RIDER", "美团",
            false, "510112002", "差评太多随时可能被封号，平台的申诉渠道形同虚设，差点以为是系统出错。", beijing(2026, 11, 21, 9, 0)));

        assertThat(noInjury.urgency()).isEqualTo(Urgency.NORMAL);
        assertThat(repaired.urgency()).isEqualTo(Urgency.NORMAL);
        assertThat(account.urgency()).isEqualTo(Urgency.NORMAL);
    }

    @Test
    void aRuleNamingAnUnknownTermListOrAMalformedPhraseIsRefusedWithEveryMistakeNamed() {
        ClassificationRules shipped = DemoCity.CLASSIFIER.rules();
        ClassificationRules broken = new ClassificationRules(shipped.confidentAtScore(), shipped.confirmBelow(),
            shipped.categories(), shipped.manyWorkers(), shipped.termLists(), java.util.List.of(
                new ClassificationRules.FlagRule("X1", Urgency.URGENT, java.util.List.of("@noSuchList"), null, null, null,
                    null, null, "x", "x"),
                new ClassificationRules.FlagRule("X2", Urgency.HIGH, java.util.List.of("差点…"), null, null, null, null,
                    null, "x", "x")), shipped.jointReview());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Classifier(broken, DemoCity.CATEGORIES,
                new SpringFestival(DemoCity.CALENDAR)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("@noSuchList").hasMessageContaining("X2");
    }

    @Test
    void schoolingNeedsAJointReviewByItsCategory() {
        Classification c = DemoCity.CLASSIFIER.classify(grievance("CHILDREN_SCHOOLING", "COURIER", "顺丰", false,
            "510108002", "孩子今年要上小学，外地户籍不知道怎么办入学。", beijing(2026, 7, 1, 10, 0)));

        assertThat(c.needsJointReview()).isTrue();
        assertThat(c.jointReviewReasons()).extracting(RuleRef::id).containsExactly("J2-SCHOOLING");
        assertThat(c.urgency()).isEqualTo(Urgency.NORMAL);
    }
}
