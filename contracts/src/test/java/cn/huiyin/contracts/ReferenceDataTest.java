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
    void everyFilingOfTheTriageCorpusSpeaksOfThisCitysDivisionsCategoriesGroupsAndChannels() throws Exception {
        tools.jackson.databind.JsonNode corpus = new tools.jackson.databind.json.JsonMapper().readTree(
            java.nio.file.Files.readString(java.nio.file.Path.of("reference-data/triage-corpus.json")));
        tools.jackson.databind.JsonNode submitted = new tools.jackson.databind.json.JsonMapper().readTree(
            java.nio.file.Files.readString(java.nio.file.Path.of("events/intake/GrievanceSubmitted/v1.schema.json")));
        java.util.Set<String> groups = new java.util.HashSet<>();
        submitted.at("/properties/worker/properties/group/enum").forEach(g -> groups.add(g.asString()));
        java.util.Set<String> channels = new java.util.HashSet<>();
        submitted.at("/properties/channel/enum").forEach(c -> channels.add(c.asString()));
        java.util.Set<String> ids = new java.util.HashSet<>();

        assertThat(corpus.get("filings").size()).isGreaterThanOrEqualTo(60);
        for (tools.jackson.databind.JsonNode filing : corpus.get("filings")) {
            String id = filing.get("id").asString();
            assertThat(ids.add(id)).as("%s is listed once", id).isTrue();
            assertThat(data.division(filing.get("divisionCode").asString())).as(id).isPresent();
            assertThat(data.category(filing.at("/expected/category").asString())).as(id).isPresent();
            if (filing.has("category")) {
                assertThat(data.category(filing.get("category").asString())).as(id).isPresent();
            }
            assertThat(groups).as(id).contains(filing.get("workerGroup").asString());
            assertThat(channels).as(id).contains(filing.get("channel").asString());
            assertThat(filing.at("/expected/urgency").asString()).as(id).isIn("URGENT", "HIGH", "NORMAL");
        }
        assertThat(corpus.get("filings").valueStream().map(f -> f.at("/expected/category").asString()).distinct())
            .as("every category").hasSize(data.categories().size());
        assertThat(corpus.get("filings").valueStream().map(f -> f.get("workerGroup").asString()).distinct())
            .as("every worker group").hasSize(groups.size());
    }

    @Test
    void aCommunityKnowsItsStreetDistrictAndCity() {
        assertThat(data.lineage("510112002001")).extracting(Division::nameZh)
            .containsExactly("大面社区", "大面街道", "龙泉驿区", "成都市");
    }
}
