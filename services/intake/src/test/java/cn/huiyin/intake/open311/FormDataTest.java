package cn.huiyin.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Form bodies as Open311 clients send them, well and badly. */
class FormDataTest {

    @Test
    void decodesEscapesPlusSignsAndRawUtf8() {
        FormData form = parse("service_code=WAGES&description=%E6%AC%A0%E8%96%AA+3%E4%B8%AA%E6%9C%88&address_string=成龙大道"
            + "&attribute%5Bworker_group%5D=COURIER");

        assertThat(form.first("service_code")).isEqualTo("WAGES");
        assertThat(form.first("description")).isEqualTo("欠薪 3个月");
        assertThat(form.first("address_string")).isEqualTo("成龙大道");
        assertThat(form.first("attribute[worker_group]")).isEqualTo("COURIER");
    }

    @Test
    void emptyValuesCountAsAbsentAsTheSpecSaysOfOptionalArguments() {
        FormData form = parse("email=&lat&&phone=13812341234");

        assertThat(form.first("email")).isNull();
        assertThat(form.first("lat")).isNull();
        assertThat(form.first("phone")).isEqualTo("13812341234");
    }

    @Test
    void aFieldGivenTwiceIsNamedWhereOnlyOneValueIsAllowed() {
        FormData form = parse("service_code=WAGES&service_code=OTHER");
        List<Open311Exception.Error> errors = new ArrayList<>();

        assertThat(form.single("service_code", errors)).isEqualTo("WAGES");
        assertThat(errors).extracting(Open311Exception.Error::description)
            .containsExactly("service_code: 只能填写一次 / may be given only once");
    }

    @Test
    void commaListsMayAlsoBeRepeated() {
        assertThat(parse("status=open,closed&status=%20open%20,").commaList("status"))
            .containsExactly("open", "closed", "open");
    }

    @Test
    void brokenEscapesAndBytesThatAreNotUtf8AreNamedByField() {
        for (String body : List.of("description=%E9%9B%A8%ZZ", "description=%", "description=%4", "description=%FF",
            "description=%ED%A0%80", "description=%C0%AF")) {
            assertThatThrownBy(() -> parse(body)).as(body).isInstanceOfSatisfying(Open311Exception.class, e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.errors()).extracting(Open311Exception.Error::description).singleElement().asString()
                    .startsWith("description: ").contains(" / ");
            });
        }
    }

    @Test
    void anUndecodableNameIsReportedWithoutEchoingIt() {
        assertThatThrownBy(() -> parse("%FF=1&%0A=2")).isInstanceOfSatisfying(Open311Exception.class, e ->
            assertThat(e.errors()).hasSize(2).allSatisfy(error -> assertThat(error.description()).startsWith("表单中")));
    }

    @Test
    void aFloodOfPairsIsRefusedAtOnce() {
        assertThatThrownBy(() -> parse("a=1&".repeat(FormData.MAX_PAIRS + 1)))
            .isInstanceOfSatisfying(Open311Exception.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThat(parse("a=1&".repeat(FormData.MAX_PAIRS)).all("a")).hasSize(FormData.MAX_PAIRS);
    }

    @Test
    void aQueryStringIsReadTheSameWay() {
        FormData query = FormData.parseQuery("api_key=abc%2B1&start_date=2026-11-01T00:00:00%2B08:00");

        assertThat(query.first("api_key")).isEqualTo("abc+1");
        assertThat(query.first("start_date")).isEqualTo("2026-11-01T00:00:00+08:00");
        assertThat(FormData.parseQuery(null).names()).isEmpty();
    }

    private static FormData parse(String body) {
        return FormData.parse(body.getBytes(StandardCharsets.UTF_8));
    }
}
