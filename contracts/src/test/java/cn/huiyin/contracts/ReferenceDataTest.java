package cn.huiyin.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huiyin.contracts.reference.Category;
import cn.huiyin.contracts.reference.Division;
import cn.huiyin.contracts.reference.ReferenceData;
import org.junit.jupiter.api.Test;

class ReferenceDataTest {

    private final ReferenceData data = ReferenceData.load();

    @Test
    void theTaxonomyHoldsTheThirteenCategoriesOfTheBrief() {
        assertThat(data.categories()).extracting(Category::code).containsExactly("WAGES", "INJURY_INSURANCE",
            "LABOUR_CONTRACT", "SOCIAL_INSURANCE", "PLATFORM_RULES", "PARKING_ACCESS", "STATIONS_FACILITIES",
            "CHILDREN_SCHOOLING", "LEGAL_AID", "TRAFFIC_SAFETY", "SAFETY_HAZARD", "SKILLS_EDUCATION", "OTHER");
        assertThat(data.categories()).allSatisfy(category -> {
            assertThat(category.nameZh()).isNotBlank();
            assertThat(category.nameEn()).isNotBlank();
            assertThat(category.scope()).isNotNull();
        });
    }

    @Test
    void everyDivisionSitsUnderAParentOneLevelUpWhoseCodeItExtends() {
        for (Division division : data.divisions()) {
            int expectedLength = switch (division.level()) {
                case CITY, DISTRICT -> 6;
                case STREET -> 9;
                case COMMUNITY -> 12;
            };
            assertThat(division.code()).as(division.nameZh()).hasSize(expectedLength).containsOnlyDigits();
            if (division.level() != Division.Level.CITY) {
                Division parent = data.division(division.parent()).orElseThrow();
                assertThat(parent.level().ordinal()).isEqualTo(division.level().ordinal() - 1);
                if (division.level() != Division.Level.DISTRICT) {
                    assertThat(division.code()).startsWith(parent.code());
                }
            }
        }
    }

    @Test
    void aCommunityKnowsItsStreetDistrictAndCity() {
        assertThat(data.lineage("510112002001")).extracting(Division::nameZh)
            .containsExactly("大面社区", "大面街道", "龙泉驿区", "成都市");
    }
}
