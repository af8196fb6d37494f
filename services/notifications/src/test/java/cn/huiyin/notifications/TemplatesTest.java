package cn.huiyin.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.huiyin.notifications.domain.Audience;
import cn.huiyin.notifications.domain.SmsLength;
import cn.huiyin.notifications.domain.Template;
import cn.huiyin.notifications.domain.TemplateBook;
import cn.huiyin.notifications.persistence.ClasspathTemplates;
import org.junit.jupiter.api.Test;

/**
 * Every template, rendered with the longest realistic values its events carry (the Heyuan rider's claim, the Chengdu
 * parking action item), fits an SMS budget: the acceptance one message, every other worker message at most two, staff
 * texts at most three. The segment counts are printed for docs/notifications.md.
 */
class TemplatesTest {

    private static final String ID = "HY-20261120-000017";
    private static final Map<String, Map<String, String>> REALISTIC = Map.ofEntries(
        Map.entry("WORKER_ACCEPTED", Map.of("trackingNumber", ID)),
        Map.entry("WORKER_SIGNED_FOR", Map.of("trackingNumber", ID, "organisation", "市人力资源和社会保障局（人社）")),
        Map.entry("WORKER_MATERIAL_REQUESTED", Map.of("trackingNumber", ID,
            "materials", "请补充医院诊断证明和事发当日的订单截图", "dueDate", "11月25日")),
        Map.entry("WORKER_RESOLVED", Map.of("trackingNumber", ID,
            "outcome", "经调取轨迹证明事发时处于配送途中，保险公司已同意…", "remedy", "追回8260.00元。理赔已获支付。")),
        Map.entry("WORKER_CALLBACK_COMING", Map.of("trackingNumber", ID)),
        Map.entry("WORKER_REOPENED", Map.of("trackingNumber", ID, "organisation", "青白江区委社会工作部",
            "dueDate", "12月14日")),
        Map.entry("WORKER_CLOSED", Map.of("trackingNumber", ID, "outcome", "已办结，您的意见已记录")),
        Map.entry("STAFF_REMINDER", Map.of("subject", "诉求" + ID, "limit", "办结时限", "dueAt", "11月25日17:30",
            "workingMinutesLeft", "386", "organisation", "市人力资源和社会保障局（人社）")),
        Map.entry("STAFF_ESCALATED", Map.of("subject", "诉求" + ID, "escalatedTo", "成都市委社会工作部（两新工委）",
            "organisation", "市网约配送行业党委", "replyDueAt", "11月24日17:30")),
        Map.entry("STAFF_DEADLINE_BREACHED", Map.of("subject", "诉求HY-20261201-000233", "limit", "响应时限",
            "dueAt", "12月1日14:50", "organisation", "大面街道党工委")),
        Map.entry("STAFF_ACTION_ITEM_ASSIGNED", Map.of("task", "在龙湖天街北门外增设骑手专用停车位并设置引导标识",
            "organisation", "市城市管理委员会（城管）", "dueDate", "12月17日17:30")),
        Map.entry("STAFF_DIGEST", Map.of("date", "12月23日", "count", "14",
            "cases", "HY-20261218-000231、HY-20261218-000245、HY-20261219-000012、HY-20261221-000307、AI-JM-20261203-001-1等9件")),
        Map.entry("STAFF_CALLBACKS_DUE", Map.of("date", "12月23日", "count", "9",
            "cases", "HY-20261218-000231、HY-20261218-000245、HY-20261219-000012、HY-20261221-000307、HY-20261221-000318等9件")));

    private final TemplateBook book = ClasspathTemplates.load();

    @Test
    void everyTemplateHasRealisticDataHere() {
        assertThat(book.all()).extracting(Template::id).containsExactlyInAnyOrderElementsOf(REALISTIC.keySet());
    }

    @Test
    void everyTemplateRendersWithinItsSmsBudget() {
        Map<String, Integer> segments = new LinkedHashMap<>();
        for (Template template : book.all()) {
            String zh = template.render("zh", REALISTIC.get(template.id()));
            String en = template.render("en", REALISTIC.get(template.id()));
            assertThat(zh).doesNotContain("{").startsWith("【回音】");
            assertThat(en).doesNotContain("{").startsWith("[Huiyin]");
            int count = SmsLength.segments(zh);
            segments.put(template.id(), count);
            System.out.printf("%-28s %3d characters, %d SMS%n", template.id(), zh.codePointCount(0, zh.length()), count);
            int budget = template.id().equals(TemplateBook.WORKER_ACCEPTED) ? 1
                : template.audience() == Audience.WORKER ? 2 : 3;
            assertThat(count).as("%s: %s", template.id(), zh).isLessThanOrEqualTo(budget);
        }
        assertThat(segments).containsEntry("WORKER_ACCEPTED", 1).containsEntry("WORKER_CALLBACK_COMING", 1);
    }

    @Test
    void smsPartsAreSeventyCharactersAloneAndSixtySevenWhenSplit() {
        assertThat(SmsLength.segments("字".repeat(70))).isEqualTo(1);
        assertThat(SmsLength.segments("字".repeat(71))).isEqualTo(2);
        assertThat(SmsLength.segments("字".repeat(134))).isEqualTo(2);
        assertThat(SmsLength.segments("字".repeat(135))).isEqualTo(3);
    }

    @Test
    void workerTextsCarryNoMorePersonalDataThanTheTrackingNumber() {
        for (Template template : book.all()) {
            if (template.audience() == Audience.WORKER) {
                assertThat(template.parameters()).doesNotContain("name", "mobile", "workerRef", "queryCode", "address");
            }
        }
    }
}
