package cn.huiyin.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** One answer, two formats: the spec's XML and its JSON by the Spark convention. */
class Open311DocumentTest {

    private final Open311Document document = Open311Document.list("service_requests", "request", List.of(
        Open311Document.fields("service_request_id", "HY-20261122-000001", "status_notes", null,
            "description", "<b>饭菜</b> & \"汤\"", "lat", 30.5605, "values",
            new Open311Document.Items("value", List.of(Open311Document.fields("key", "k", "name", "n"))))));

    @Test
    void xmlUsesTheSpecsElementsEscapesTextAndWritesEmptyFieldsAsEmptyElements() throws Exception {
        String xml = new String(document.render(Format.XML), StandardCharsets.UTF_8);

        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        Element root = Open311ClientTest.parseXml(xml).getDocumentElement();
        Element request = Open311ClientTest.children(root, "request").get(0);
        assertThat(Open311ClientTest.text(request, "description")).isEqualTo("<b>饭菜</b> & \"汤\"");
        assertThat(Open311ClientTest.children(request, "status_notes").get(0).hasChildNodes()).isFalse();
        assertThat(Open311ClientTest.text(request, "lat")).isEqualTo("30.5605");
        Element values = Open311ClientTest.children(request, "values").get(0);
        assertThat(Open311ClientTest.childNames(values)).containsExactly("value");
    }

    @Test
    void jsonIsAnArrayWithNullsKeptAndNestedListsAsArrays() {
        String json = new String(document.render(Format.JSON), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("[{\"service_request_id\":\"HY-20261122-000001\",\"status_notes\":null,"
            + "\"description\":\"<b>饭菜</b> & \\\"汤\\\"\",\"lat\":30.5605,\"values\":[{\"key\":\"k\",\"name\":\"n\"}]}]");
    }

    @Test
    void textXmlCannotCarryIsReplacedRatherThanFailingTheAnswer() throws Exception {
        Open311Document odd = Open311Document.list("errors", "error", List.of(
            Open311Document.fields("code", 400, "description", "a\u0001b\ud800c🛵")));

        String xml = new String(odd.render(Format.XML), StandardCharsets.UTF_8);

        Element error = Open311ClientTest.children(Open311ClientTest.parseXml(xml).getDocumentElement(), "error").get(0);
        assertThat(Open311ClientTest.text(error, "description")).isEqualTo("a\uFFFDb\uFFFDc🛵");
    }
}
