package cn.huiyin.notifications.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.huiyin.notifications.domain.SmsLength;
import cn.huiyin.notifications.domain.Template;
import cn.huiyin.notifications.domain.TemplateBook;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.kernel.FieldProblem;
import cn.huiyin.platform.kernel.InvalidFieldsException;

/** Renders a template with the values a caller gives, as it would be sent: the text in zh and en and its SMS parts. */
public class PreviewTemplates {

    /** No value may be longer than this: a parameter is a name, a date, an amount, a short list of materials. */
    public static final int MAX_VALUE_LENGTH = 200;

    private final TemplateBook templates;

    public PreviewTemplates(TemplateBook templates) {
        this.templates = templates;
    }

    public record Preview(String template, String audience, String zh, String en, int characters, int smsSegments) {
    }

    /**
     * @throws DomainException (not found) for an unknown template
     * @throws InvalidFieldsException naming every missing, unknown, oversized value, and a text too long for SMS
     */
    public Preview preview(String templateId, Map<String, String> values) {
        Template template = templates.find(templateId).orElseThrow(() -> DomainException.notFound("UNKNOWN_TEMPLATE",
            "没有模板 " + templateId, "There is no template " + templateId));
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String> given = values == null ? Map.of() : values;
        for (String name : template.parameters()) {
            String value = given.get(name);
            if (value == null) {
                problems.add(new FieldProblem("parameters." + name, "REQUIRED", "模板需要参数 " + name,
                    "The template needs parameter " + name));
            }
        }
        given.forEach((name, value) -> {
            if (!template.parameters().contains(name)) {
                problems.add(new FieldProblem("parameters." + name, "UNKNOWN_PARAMETER", "模板没有参数 " + name,
                    "The template has no parameter " + name));
            } else if (value != null && value.length() > MAX_VALUE_LENGTH) {
                problems.add(new FieldProblem("parameters." + name, "TOO_LONG",
                    "参数过长（最多" + MAX_VALUE_LENGTH + "字）", "Too long (at most " + MAX_VALUE_LENGTH + " characters)"));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        String zh = template.render("zh", given);
        int segments = SmsLength.segments(zh);
        if (segments > SmsLength.MAX_SEGMENTS) {
            throw new InvalidFieldsException(List.of(new FieldProblem("parameters", "MESSAGE_TOO_LONG",
                "短信将超过" + SmsLength.MAX_SEGMENTS + "条（" + segments + "条），请缩短参数",
                "The text would take " + segments + " SMS, more than " + SmsLength.MAX_SEGMENTS + "; shorten the values")));
        }
        return new Preview(template.id(), template.audience().name(), zh, template.render("en", given),
            zh.codePointCount(0, zh.length()), segments);
    }
}
