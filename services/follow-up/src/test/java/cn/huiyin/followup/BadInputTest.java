package cn.huiyin.followup;

import static cn.huiyin.followup.FollowUpKit.CALLBACK_AGENT;
import static cn.huiyin.followup.FollowUpKit.COMMITTEE_HANDLER;
import static cn.huiyin.followup.FollowUpKit.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import cn.huiyin.followup.FollowUpKit.Filed;
import cn.huiyin.followup.FollowUpKit.Lead;
import cn.huiyin.platform.test.HttpJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Bad input gets RFC 9457 problem details in Chinese and English that name what is wrong — a step out of order, a value
 * no one knows, a number that is no amount of money — and nothing is half-stored: the case file and the topic are as
 * they were before.
 */
class BadInputTest extends FollowUpScenario {

    @Test
    void aResolutionBeforeTheFirstContactIsRefusedAndNothingIsStored() {
        Filed claim = signedFor();
        Before before = before(claim);

        HttpJson.Response answer = kit.as(COMMITTEE_HANDLER).post("/api/cases/" + claim.id() + "/resolution",
            HeyuanRiderClaimTest.REMEDY);

        assertProblem(answer, 409, "resolution.before-first-contact");
        assertThat(answer.json().get("detail").asString()).contains("先行联系");
        assertThat(answer.json().get("detailEn").asString()).contains("first contact");
        assertUnchanged(claim, before);
    }

    @Test
    void aCallbackOnAnOpenCaseIsRefused() {
        Filed claim = signedFor();
        Before before = before(claim);

        HttpJson.Response answer = kit.as(CALLBACK_AGENT).post("/api/callbacks/" + claim.id() + "/attempts",
            "{\"outcome\": \"REACHED\", \"solved\": \"YES\", \"satisfaction\": \"SATISFIED\"}");

        assertProblem(answer, 409, "callback.case-open");
        assertThat(answer.json().get("detail").asString()).contains("尚未办结");
        assertUnchanged(claim, before);
    }

    @Test
    void unknownOutcomeValuesAreNamedWithTheValuesThatExist() {
        Filed claim = contactedAndResolved();
        Before before = before(claim);

        HttpJson.Response outcome = kit.as(CALLBACK_AGENT).post("/api/callbacks/" + claim.id() + "/attempts",
            "{\"outcome\": \"MAYBE\"}");
        HttpJson.Response satisfaction = kit.as(CALLBACK_AGENT).post("/api/callbacks/" + claim.id() + "/attempts",
            "{\"outcome\": \"REACHED\", \"solved\": \"YES\", \"satisfaction\": \"VERY_HAPPY\"}");
        HttpJson.Response kind = kit.as(COMMITTEE_HANDLER).post("/api/cases/" + claim.id() + "/resolution",
            "{\"kind\": \"DONE\"}");

        assertFieldProblem(outcome);
        assertThat(fields(outcome.json())).containsExactly("outcome");
        assertThat(outcome.json().at("/errors/0/message").asString()).contains("REACHED");
        assertThat(fields(satisfaction.json())).containsExactly("satisfaction");
        assertThat(fields(kind.json())).containsExactly("kind");
        assertUnchanged(claim, before);
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        Filed claim = contacted();
        Before before = before(claim);

        HttpJson.Response remedy = kit.as(COMMITTEE_HANDLER).post("/api/cases/" + claim.id() + "/resolution", """
            {"kind": "RESOLVED", "remedy": {"moneyRecoveredYuan": 12.345, "parkingSpacesAdded": -3,
             "workersCovered": 1}}""");
        HttpJson.Response reached = kit.as(CALLBACK_AGENT).post("/api/callbacks/" + claim.id() + "/attempts", "{}");
        HttpJson.Response unexplained = kit.as(COMMITTEE_HANDLER).post("/api/cases/" + claim.id() + "/resolution",
            "{\"kind\": \"CANNOT_RESOLVE\"}");
        HttpJson.Response future = kit.as(COMMITTEE_HANDLER).post("/api/cases/" + claim.id() + "/extensions",
            "{\"reason\": \"\", \"workingDays\": 0}");

        assertFieldProblem(remedy);
        assertThat(fields(remedy.json())).containsExactlyInAnyOrder("remedy.moneyRecoveredYuan",
            "remedy.parkingSpacesAdded");
        assertThat(remedy.json().get("errors").valueStream().map(e -> e.get("messageEn").asString()))
            .anyMatch(m -> m.contains("2 after the decimal point"));
        assertThat(fields(reached.json())).containsExactly("outcome");
        assertFieldProblem(unexplained);
        assertThat(fields(unexplained.json())).containsExactly("explanation");
        assertThat(fields(future.json())).containsExactlyInAnyOrder("reason", "workingDays");
        assertUnchanged(claim, before);
    }

    @Test
    void aHandlerOfAnotherOrganisationCannotActOnTheCase() {
        Filed claim = signedFor();

        HttpJson.Response answer = kit.as(FollowUpKit.STREET_HANDLER).post("/api/cases/" + claim.id()
            + "/first-contact", "{\"channel\": \"PHONE\"}");

        assertProblem(answer, 403, "case.not-lead");
        assertThat(answer.json().get("detail").asString()).contains("市网约配送行业党委");
    }

    @Test
    void anUnknownCaseIsNotFound() {
        HttpJson.Response answer = kit.as(COMMITTEE_HANDLER).get("/api/cases/HY-20990101-000001");

        assertProblem(answer, 404, "case.unknown");
    }

    private static void assertProblem(HttpJson.Response answer, int status, String code) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("code").asString()).isEqualTo(code);
        assertThat(answer.json().get("title").asString()).isNotBlank();
        assertThat(answer.json().get("titleEn").asString()).isNotBlank();
    }

    /** 400 naming each bad field, in Chinese and English. */
    private static void assertFieldProblem(HttpJson.Response answer) {
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:huiyin:problem:validation");
        for (JsonNode error : answer.json().get("errors")) {
            assertThat(error.get("message").asString()).isNotBlank();
            assertThat(error.get("messageEn").asString()).isNotBlank();
        }
    }

    /** The case file and its events before a refused request. */
    private record Before(JsonNode file, List<String> events) {
    }

    private Before before(Filed claim) {
        return new Before(kit.as(COMMITTEE_HANDLER).get("/api/cases/" + claim.id()).json(),
            topic.of(claim.id()).stream().map(FollowUpTopic.Event::id).toList());
    }

    private void assertUnchanged(Filed claim, Before before) {
        JsonNode after = kit.as(COMMITTEE_HANDLER).get("/api/cases/" + claim.id()).json();
        for (String part : List.of("status", "history", "resolutions", "callbacks", "extensions", "materialRequests")) {
            assertThat(after.get(part)).as(part).isEqualTo(before.file().get(part));
        }
        assertThat(topic.settle(claim.id(), Duration.ofMillis(500)).stream().map(FollowUpTopic.Event::id))
            .as("nothing published").containsExactlyElementsOf(before.events());
    }

    private Filed signedFor() {
        Filed claim = kit.file(Lead.COMMITTEE);
        kit.signFor(claim, Lead.COMMITTEE, claim.submittedAt().plus(Duration.ofMinutes(5)));
        kit.awaitStatus(claim.id(), COMMITTEE_HANDLER, "SIGNED_FOR");
        return claim;
    }

    private Filed contacted() {
        Filed claim = signedFor();
        assertThat(kit.as(COMMITTEE_HANDLER).post("/api/cases/" + claim.id() + "/first-contact",
            "{\"channel\": \"PHONE\"}").status()).isEqualTo(200);
        topic.await(claim.id(), "FirstResponseRecorded");
        return claim;
    }

    private Filed contactedAndResolved() {
        Filed claim = contacted();
        assertThat(kit.as(COMMITTEE_HANDLER).post("/api/cases/" + claim.id() + "/resolution",
            HeyuanRiderClaimTest.REMEDY).status()).isEqualTo(200);
        topic.await(claim.id(), "GrievanceResolved");
        return claim;
    }
}
