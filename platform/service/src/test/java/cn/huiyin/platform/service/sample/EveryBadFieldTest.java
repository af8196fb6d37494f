package cn.huiyin.platform.service.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A body with several bad fields is answered once, naming each of them: wrong types, a garbage date, an unknown
 * field, text that shows nothing or hides its direction, and the fields bean validation refuses.
 */
@ServiceTest
class EveryBadFieldTest {

    @LocalServerPort
    int port;

    @Test
    void wrongTypesAGarbageDateAnUnknownFieldAndInvalidValuesAreAllNamedInOneAnswer() {
        HttpJson.Response answer = clerk().post("/api/forms", """
            {"name": 123, "count": "three", "when": "yesterday", "description": "", "colour": "red",
             "place": {"code": "", "address": 7}, "confidential": "yes", "tags": ["ok", 5]}
            """);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(fields(answer.json())).containsExactlyInAnyOrder("name", "count", "when", "description", "colour",
            "place.code", "place.address", "confidential", "tags[1]");
        assertThat(error(answer.json(), "when").get("code").asString()).isEqualTo("type.mismatch");
        assertThat(error(answer.json(), "when").get("messageEn").asString()).contains("date-time");
        assertThat(error(answer.json(), "colour").get("code").asString()).isEqualTo("field.unknown");
        assertThat(error(answer.json(), "name").get("messageEn").asString()).contains("text");
    }

    @Test
    void aRefusedFieldIsNotReportedAgainAsMissing() {
        HttpJson.Response answer = clerk().post("/api/forms",
            "{\"name\": \"李明\", \"count\": [1], \"description\": \"雨天摔倒\", \"place\": \"成都\"}");

        assertThat(fields(answer.json())).containsExactlyInAnyOrder("count", "place");
        assertThat(answer.json().get("errors").valueStream().map(e -> e.get("code").asString()))
            .containsOnly("type.mismatch");
    }

    @Test
    void invisibleOnlyTextAndBidiControlsInShortFieldsAreFieldErrors() {
        HttpJson.Response answer = clerk().post("/api/forms", """
            {"name": "\\u202e\\u674e\\u660e", "count": 1, "description": "\\u200b\\u200b\\u200d",
             "place": {"code": "\\u3164", "address": "\\u6210\\u9f99\\u5927\\u9053\\n\\u4e8c\\u6bb5"}}
            """);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(fields(answer.json())).containsExactlyInAnyOrder("name", "description", "place.code", "place.address");
        assertThat(error(answer.json(), "name").get("code").asString()).isEqualTo("text.bidi");
        assertThat(error(answer.json(), "description").get("code").asString()).isEqualTo("text.invisible");
        assertThat(error(answer.json(), "place.code").get("code").asString()).isEqualTo("text.invisible");
        assertThat(error(answer.json(), "place.address").get("code").asString()).isEqualTo("text.characters");
    }

    @Test
    void chineseEmojiAndPunctuationPassAndTextIsStoredInNfc() {
        HttpJson.Response answer = clerk().post("/api/forms", """
            {"name": "Zoe\\u0308·李明", "count": 2, "description": "骑手之家🛵 门口积水！\\n第二行：😀👨‍👩‍👧",
             "place": {"code": "510112002", "address": "成龙大道二段(北)、3号"}, "tags": ["外卖", "🛵"]}
            """);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("name").asString()).isEqualTo("Zoë·李明");
        assertThat(answer.json().get("description").asString()).isEqualTo("骑手之家🛵 门口积水！\n第二行：😀👨‍👩‍👧");
    }

    private HttpJson clerk() {
        return HttpJson.at(port).as(TestUser.of("window-clerk"));
    }

    static List<String> fields(JsonNode problem) {
        return problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    static JsonNode error(JsonNode problem, String field) {
        return problem.get("errors").valueStream().filter(e -> e.get("field").asString().equals(field)).findFirst()
            .orElseThrow(() -> new AssertionError("no error for " + field + " in " + problem));
    }
}
