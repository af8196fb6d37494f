package cn.huiyin.triage.domain;

import static cn.huiyin.triage.domain.DemoCity.REGISTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class OrganisationRegistryTest {

    @Test
    void theDemoRegistryHoldsEveryOrganisationOfTheDemoUsers() {
        assertThat(List.of("org-city-swb", "org-district-lqy", "org-street-damian", "org-committee-online-delivery",
            "org-dept-hrss", "org-ent-meituan", "org-lqy-window", "org-hotline-12345"))
            .allSatisfy(id -> assertThat(REGISTRY.find(id)).as(id).isPresent());
    }

    @Test
    void theOrganisationAboveTwoDisputantsRules() {
        assertThat(REGISTRY.commonSuperior(List.of("org-street-damian", "org-street-longquan")).orElseThrow().id())
            .isEqualTo("org-district-lqy");
        assertThat(REGISTRY.commonSuperior(List.of("org-committee-online-delivery", "org-street-damian")).orElseThrow().id())
            .isEqualTo("org-city-swb");
        assertThat(REGISTRY.commonSuperior(List.of("org-community-damian", "org-street-damian")).orElseThrow().id())
            .as("strictly above both").isEqualTo("org-district-lqy");
    }

    @Test
    void aSupervisorsReachIsTheirOrganisationAndEverythingBelow() {
        Set<String> district = REGISTRY.selfAndDescendants("org-district-lqy");

        assertThat(district).contains("org-district-lqy", "org-street-damian", "org-community-damian", "org-lqy-window")
            .doesNotContain("org-street-chunxilu", "org-committee-online-delivery");
        assertThat(REGISTRY.isAbove("org-district-lqy", "org-community-damian")).isTrue();
        assertThat(REGISTRY.isAbove("org-street-damian", "org-district-lqy")).isFalse();
    }

    @Test
    void firmsAreFoundByTheNamesWorkersUse() {
        assertThat(REGISTRY.enterpriseNamed("美团外卖").orElseThrow().id()).isEqualTo("org-ent-meituan");
        assertThat(REGISTRY.enterpriseNamed("ele.me 蜂鸟配送").orElseThrow().id()).isEqualTo("org-ent-eleme");
        assertThat(REGISTRY.enterpriseNamed("某某劳务外包公司")).isEmpty();
        assertThat(REGISTRY.industryCommitteeFor("TRUCK_DRIVER").orElseThrow().id()).isEqualTo("org-committee-transport");
        assertThat(REGISTRY.industryCommitteeFor("GIG_WORKER")).isEmpty();
    }

    @Test
    void aBrokenTreeIsRefused() {
        Organisation city = REGISTRY.find("org-city-swb").orElseThrow();
        Organisation a = new Organisation("org-a", "A", null, OrganisationType.STREET, "org-b", null, null, null, null, null, true);
        Organisation b = new Organisation("org-b", "B", null, OrganisationType.STREET, "org-a", null, null, null, null, null, true);
        Organisation orphan = new Organisation("org-c", "C", null, OrganisationType.STREET, "org-nowhere", null, null, null,
            null, null, true);

        assertThatThrownBy(() -> new OrganisationRegistry(List.of(city, a, b))).hasMessageContaining("cycle");
        assertThatThrownBy(() -> new OrganisationRegistry(List.of(city, orphan))).hasMessageContaining("unknown parent");
    }
}
