package cn.huiyin.triage;

import static cn.huiyin.triage.TriageTestKit.grievance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestUser;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * An organisation never misses a case it was assigned: an inbox entry lost between the case's write and the inbox's
 * (a crash) is derived again from the stored case, by the retried event or by triage following its own events.
 */
@ServiceTest
class InboxRepairTest extends TriageScenario {

    @Autowired
    MongoTemplate mongo;

    @Test
    void anInboxEntryLostToACrashComesBackFromTheStoredCase() {
        String id = kit.submitAndAwait(grievance()).get("grievanceId").asString();
        TestUser committee = TriageTestKit.COMMITTEE_HANDLER;
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox(committee).contains(id));

        // The process died after the case and its outbox were stored and before its inbox entry was written; after
        // the restart its relay publishes the case's event.
        mongo.getCollection("inbox").deleteMany(new Document("_id", "org-committee-online-delivery|" + id));
        assertThat(inbox(committee)).doesNotContain(id);
        kit.publishOnTriageTopic("cn.huiyin.triage.GrievanceAssigned.v1", id, "{\"grievanceId\": \"" + id + "\"}");

        await().atMost(Duration.ofSeconds(20)).until(() -> inbox(committee).contains(id));
    }

    @Test
    void aCaseWhoseInboxWriteNeverHappenedAppearsOnceItsEventIsFollowed() {
        String id = kit.submitAndAwait(grievance()).get("grievanceId").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox(TriageTestKit.COMMITTEE_HANDLER).contains(id));
        mongo.getCollection("inbox").deleteMany(new Document("_id", "org-committee-online-delivery|" + id));

        // Only the event stream remains: redelivering the grievance (as after a crash) derives the inbox again.
        kit.submit(grievanceWithId(id));

        await().atMost(Duration.ofSeconds(20)).until(() -> inbox(TriageTestKit.COMMITTEE_HANDLER).contains(id));
    }

    private String inbox(TestUser user) {
        return kit.as(user).get("/api/inbox?size=100").body();
    }

    private static TriageTestKit.Submission grievanceWithId(String id) {
        TriageTestKit.Submission submission = grievance();
        submission.data.put("grievanceId", id);
        submission.data.put("trackingNumber", id);
        return submission;
    }
}
