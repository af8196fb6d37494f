package cn.huiyin.notifications.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import cn.huiyin.platform.test.QueryPlans;
import cn.huiyin.platform.test.ServiceTest;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The delivery queue, an organisation's in-app messages and the rate limits' counts are answered through the
 * notifications service's indexes on the embedded server and on real MongoDB (where Docker runs). The queries are
 * production's ({@code MongoNotifications}). The stored messages are queued for 2100, out of the dispatcher's reach.
 */
@ServiceTest
class NotificationIndexesTest {

    private static final String ORGANISATION = "org-index-test-duty";
    private static final String RATE_KEY = "index-test-rate";
    private static final Instant BASE = Instant.parse("2100-01-04T02:00:00Z");

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void storeMessages() {
        List<Document> messages = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Instant at = BASE.plus(i, ChronoUnit.MINUTES);
            Document message = new Document("_id", "IDX-N-" + i).append("subject", "IDX-G-" + (i % 7))
                .append("occurredAt", Date.from(at)).append("queuedAt", Date.from(at));
            if (i < 20) {
                message.append("status", "QUEUED").append("nextAttemptAt", Date.from(at));
            } else if (i < 40) {
                message.append("status", "DELIVERED").append("organisationId", ORGANISATION).append("channel", "INBOX")
                    .append("audience", "STAFF").append("sentAt", Date.from(at));
            } else {
                message.append("status", "DELIVERED").append("organisationId", "org-index-test-other")
                    .append("channel", "SMS").append("audience", "STAFF").append("sentAt", Date.from(at))
                    .append("rateKey", RATE_KEY);
            }
            messages.add(message);
        }
        mongo.getCollection("notifications").insertMany(messages);
    }

    @AfterEach
    void removeThem() {
        mongo.getCollection("notifications").deleteMany(Filters.regex("_id", "^IDX-"));
    }

    @Test
    void theQueueAnOrganisationsMessagesAndARateCountUseTheirIndexes() {
        QueryPlans.Plan queue = QueryPlans.explain(mongo, NotificationDocument.class,
            MongoNotifications.dueQuery(BASE.plus(9, ChronoUnit.MINUTES), 100));
        QueryPlans.Plan inbox = QueryPlans.explain(mongo, NotificationDocument.class,
            MongoNotifications.inboxQuery(ORGANISATION, 0, 10));
        QueryPlans.Plan rate = QueryPlans.explain(mongo, NotificationDocument.class,
            MongoNotifications.sentSinceQuery(RATE_KEY, BASE.plus(45, ChronoUnit.MINUTES), BASE.plus(2, ChronoUnit.HOURS)));

        QueryPlans.assertUsesIndex(queue, "queue", 10);
        assertThat(queue.returned()).isEqualTo(10);
        QueryPlans.assertUsesIndex(inbox, "inbox", 20);
        assertThat(inbox.returned()).isEqualTo(10);
        QueryPlans.assertUsesIndex(rate, "rate", 15);
        assertThat(rate.returned()).isEqualTo(15);
        assertThat(mongo.count(MongoNotifications.sentSinceQuery(RATE_KEY, BASE.plus(45, ChronoUnit.MINUTES),
            BASE.plus(2, ChronoUnit.HOURS)), NotificationDocument.class)).isEqualTo(15);
    }
}
