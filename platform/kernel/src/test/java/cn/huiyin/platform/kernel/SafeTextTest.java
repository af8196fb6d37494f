package cn.huiyin.platform.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"李明", "Zoë Müller", "骑手之家🛵", "👨‍👩‍👧 一家三口", "𠮷野家", "王·买买提", "成龙大道二段(北)、3号！？"})
    void chineseEmojiRareCharactersAndPunctuationAreFine(String text) {
        assertThat(SafeText.check(text, false)).isEmpty();
        assertThat(SafeText.check(text, true)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200b", "\u200b\u200c\u200d", "\u2060\ufeff", " \u200b ", "\u3164", "\u2800\u2800",
        "\u202e", "\u200f\u200e"})
    void textMadeOnlyOfInvisibleCharactersIsRefusedEverywhere(String text) {
        assertThat(SafeText.check(text, true)).contains(SafeText.Problem.INVISIBLE);
        assertThat(SafeText.check(text, false)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"李明\u202egnp.exe", "\u2067李明\u2069", "abc\u200fdef", "李\u061c明"})
    void bidirectionalControlsAreRefusedInSingleLineFieldsOnly(String text) {
        assertThat(SafeText.check(text, false)).contains(SafeText.Problem.BIDI);
        assertThat(SafeText.check(text, true)).isEmpty();
    }

    @Test
    void lineBreaksControlCharactersAndBrokenUnicodeAreRefusedAsBefore() {
        assertThat(SafeText.check("第一行\n第二行", true)).isEmpty();
        assertThat(SafeText.check("第一行\n第二行", false)).contains(SafeText.Problem.CHARACTERS);
        assertThat(SafeText.check("a\u0000b", true)).contains(SafeText.Problem.CHARACTERS);
        assertThat(SafeText.check("\ud800雨", true)).contains(SafeText.Problem.CHARACTERS);
    }

    @Test
    void textIsNormalisedToNfcSoTheSameNameIsStoredTheSameWay() {
        String decomposed = "Zoe\u0308";

        assertThat(SafeText.normalise(decomposed)).isEqualTo("Zoë").hasSize(3);
        assertThat(SafeText.normalise("李明")).isSameAs(SafeText.normalise("李明"));
    }
}
