package cn.huiyin.platform.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChinaIdentifiersTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @ParameterizedTest
    @ValueSource(strings = {"13800138000", "19912345678", "15011112222"})
    void mainlandMobileNumbersAreAccepted(String mobile) {
        assertThat(ChinaIdentifiers.isMainlandMobile(mobile)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12800138000", "1380013800", "138001380001", "+8613800138000", "1380013800a", ""})
    void otherNumbersAreNotMainlandMobiles(String mobile) {
        assertThat(ChinaIdentifiers.isMainlandMobile(mobile)).isFalse();
    }

    @Test
    void theStandardsOwnExampleNumberPassesItsCheckCharacter() {
        // GB 11643-1999's published example; its check character is X.
        assertThat(ChinaIdentifiers.isResidentIdNumber("11010519491231002X", TODAY)).isTrue();
        assertThat(ChinaIdentifiers.isResidentIdNumber("110105194912310021", TODAY)).isFalse();
    }

    @Test
    void aWrongCheckCharacterImpossibleBirthDateOrUnknownProvinceIsRefused() {
        assertThat(ChinaIdentifiers.isResidentIdNumber("440524188001010014", TODAY)).isFalse();
        assertThat(ChinaIdentifiers.isResidentIdNumber("11010519490231002X", TODAY)).isFalse();
        assertThat(ChinaIdentifiers.isResidentIdNumber("99010519491231002X", TODAY)).isFalse();
        assertThat(ChinaIdentifiers.isResidentIdNumber("11010519491231002x", TODAY)).isFalse();
    }

    @Test
    void aBirthDateAfterTodayIsRefused() {
        String bornTomorrow = withCheckCharacter("11010520261123001");
        String bornToday = withCheckCharacter("11010520261122001");

        assertThat(ChinaIdentifiers.isResidentIdNumber(bornTomorrow, TODAY)).isFalse();
        assertThat(ChinaIdentifiers.isResidentIdNumber(bornToday, TODAY)).isTrue();
    }

    @Test
    void masksKeepOnlyWhatIdentifiesTheNumberToItsOwner() {
        assertThat(ChinaIdentifiers.maskResidentId("11010519491231002X")).isEqualTo("110105********002X");
    }

    @Test
    void aMaskedMobileShowsNoneOfTheDigitsThatOnceOpenedTheSelfService() {
        assertThat(ChinaIdentifiers.maskMobile("13812341234")).isEqualTo("138********").doesNotContain("1234");
        assertThat(ChinaIdentifiers.maskMobile("12345")).isEqualTo("*****");
    }

    @Test
    void aMaskedNameKeepsTheSurnameOnly() {
        assertThat(ChinaIdentifiers.maskName("李明")).isEqualTo("李*");
        assertThat(ChinaIdentifiers.maskName("欧阳娜娜")).isEqualTo("欧***");
        assertThat(ChinaIdentifiers.maskName("𠮷田")).isEqualTo("𠮷*");
        assertThat(ChinaIdentifiers.maskName("明")).isEqualTo("*");
    }

    private static String withCheckCharacter(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }
}
