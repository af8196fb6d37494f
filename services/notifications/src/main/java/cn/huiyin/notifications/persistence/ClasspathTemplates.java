package cn.huiyin.notifications.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import cn.huiyin.notifications.domain.Audience;
import cn.huiyin.notifications.domain.Template;
import cn.huiyin.notifications.domain.TemplateBook;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The template book from {@code notifications/templates.json} on the classpath: templates are data, not code. */
public final class ClasspathTemplates {

    public static final String RESOURCE = "/notifications/templates.json";

    private ClasspathTemplates() {
    }

    public static TemplateBook load() {
        try (InputStream in = ClasspathTemplates.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("No " + RESOURCE + " on the classpath");
            }
            JsonNode root = new JsonMapper().readTree(in);
            List<Template> templates = new ArrayList<>();
            for (JsonNode t : root.path("templates")) {
                templates.add(new Template(t.path("id").asString(), Audience.valueOf(t.path("audience").asString()),
                    t.path("zh").asString(), t.path("en").asString()));
            }
            return new TemplateBook(templates);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
