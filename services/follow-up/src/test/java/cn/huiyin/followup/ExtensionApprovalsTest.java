package cn.huiyin.followup;

import static cn.huiyin.followup.FollowUpKit.DISTRICT_SUPERVISOR;
import static cn.huiyin.followup.FollowUpKit.JINJIANG_SUPERVISOR;
import static cn.huiyin.followup.FollowUpKit.STREET_HANDLER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import cn.huiyin.followup.FollowUpKit.Filed;
import cn.huiyin.followup.FollowUpKit.Lead;
import cn.huiyin.platform.test.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 延期待审批: a supervisor finds the extension requests of their jurisdiction waiting for a decision, with the reason
 * and the deadline asked for; once decided, a request leaves the list. Another district's supervisor and a caller
 * without jurisdiction see none of them.
 */
class ExtensionApprovalsTest extends FollowUpScenario {

    @Test
    void aPendingExtensionIsListedInTheSupervisorsJurisdictionUntilDecided() {
        Filed claim = kit.file(Lead.STREET);
        kit.signFor(claim, Lead.STREET, claim.submittedAt().plus(Duration.ofMinutes(5)));
        kit.awaitStatus(claim.id(), STREET_HANDLER, "SIGNED_FOR");
        clock.advance(Duration.ofMinutes(10));
        assertThat(kit.as(STREET_HANDLER).post("/api/cases/" + claim.id() + "/first-contact",
            "{\"channel\": \"PHONE\"}").status()).isEqualTo(200);
        assertThat(kit.as(STREET_HANDLER).post("/api/cases/" + claim.id() + "/extensions",
            "{\"reason\": \"需等待平台总部复核订单记录\", \"workingDays\": 3}").status()).isEqualTo(200);
        String extensionId = topic.await(claim.id(), "ExtensionRequested").get("extensionId").asString();

        JsonNode row = pending(DISTRICT_SUPERVISOR).stream().filter(r -> r.get("grievanceId").asString().equals(claim.id()))
            .findFirst().orElseThrow();
        assertThat(row.at("/extension/extensionId").asString()).isEqualTo(extensionId);
        assertThat(row.at("/extension/reason").asString()).isEqualTo("需等待平台总部复核订单记录");
        assertThat(row.at("/extension/decidingOrganisation/id").asString()).isEqualTo("org-district-lqy");
        assertThat(row.at("/lead/id").asString()).isEqualTo("org-street-damian");
        assertThat(pending(JINJIANG_SUPERVISOR)).as("another district").noneMatch(r -> r.get("grievanceId").asString()
            .equals(claim.id()));
        assertThat(pending(new TestUser("nobody", List.of("supervisor"), "org-district-lqy", "")))
            .as("a missing jurisdiction covers nothing").isEmpty();

        assertThat(kit.as(DISTRICT_SUPERVISOR).post("/api/cases/" + claim.id() + "/extensions/" + extensionId
            + "/decision", "{\"approved\": true, \"note\": \"同意延期3个工作日\"}").status()).isEqualTo(200);
        assertThat(pending(DISTRICT_SUPERVISOR)).as("decided").noneMatch(r -> r.get("grievanceId").asString()
            .equals(claim.id()));
    }

    private List<JsonNode> pending(TestUser user) {
        return kit.as(user).get("/api/supervision/extensions?size=100").json().get("items").valueStream().toList();
    }
}
