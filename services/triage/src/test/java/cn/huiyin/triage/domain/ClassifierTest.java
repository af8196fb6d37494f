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
    void dangerToLifeIsUrgentWhateverTheCategory() {
        Classification c = DemoCity.CLASSIFIER.classify(grievance(null, "FOOD_DELIVERY_RIDER", null, false,
            "510112002001", "大面社区路口井盖缺失，晚上送餐看不见，随时可能有人掉下去。", beijing(2026, 11, 21, 21, 0)));

        assertThat(c.category()).isEqualTo("SAFETY_HAZARD");
        assertThat(c.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(c.urgencyReasons()).extracting(RuleRef::id).containsExactly("U1-DANGER");
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
