package cn.huiyin.platform.kernel.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JurisdictionTest {

    @Test
    void aCityCoversItsDistrictsStreetsAndCommunitiesButNotTheNeighbouringCity() {
        Jurisdiction chengdu = Jurisdiction.of("510100");

        assertThat(chengdu.covers("510112")).isTrue();
        assertThat(chengdu.covers("510112002")).isTrue();
        assertThat(chengdu.covers("510112002001")).isTrue();
        assertThat(chengdu.covers("510300")).isFalse();
        assertThat(chengdu.contains(Jurisdiction.of("510112"))).isTrue();
    }

    @Test
    void aDistrictCoversItsStreetsOnly() {
        Jurisdiction longquanyi = Jurisdiction.of("510112");

        assertThat(longquanyi.covers("510112002")).isTrue();
        assertThat(longquanyi.covers("510104001")).isFalse();
        assertThat(longquanyi.covers("510100")).isFalse();
        assertThat(longquanyi.contains(Jurisdiction.of("510100"))).isFalse();
    }

    @Test
    void aProvinceCoversItsCities() {
        assertThat(Jurisdiction.of("510000").covers("510112002")).isTrue();
        assertThat(Jurisdiction.of("510000").covers("520100")).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "51", "5101", "abc123", "000000", "51011200", "*"})
    void aMissingOrMalformedClaimCoversNothing(String claim) {
        Jurisdiction none = Jurisdiction.of(claim);

        assertThat(none.isNone()).isTrue();
        assertThat(none.prefix()).isNull();
        assertThat(none.covers("510112002")).isFalse();
        assertThat(none.covers("")).isFalse();
        assertThat(Caller.of("someone", Set.of(Roles.SUPERVISOR), "org-x", claim).covers("510100")).isFalse();
    }

    @Test
    void anUnknownPlaceIsCoveredByNoOne() {
        assertThat(Jurisdiction.of("510100").covers(null)).isFalse();
        assertThat(Jurisdiction.of("510100").covers("")).isFalse();
    }
}
