package cn.huiyin.jointmeeting.persistence;

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
 * An organisation's meetings and a convener's or a territory's review requests are answered through joint-meeting's
 * indexes on the embedded server and on real MongoDB (where Docker runs): each list reads its own documents only.
 * The queries are production's ({@code MongoMeetings}, {@code MongoReviewRequests}).
 */
@ServiceTest
class MeetingIndexesTest {

    private static final String ORGANISATION = "org-index-test-convener";
    private static final Instant BASE = Instant.parse("2100-01-04T02:00:00Z");

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void storeMeetingsAndRequestsOfManyOrganisations() {
        List<Document> meetings = new ArrayList<>();
        List<Document> requests = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String organisation = i < 12 ? ORGANISATION : "org-index-test-other-" + (i % 5);
            meetings.add(new Document("_id", "IDX-JM-" + i).append("convenerId", organisation)
                .append("participantIds", List.of(organisation, "org-index-test-member-" + (i % 3)))
                .append("actionOwnerIds", List.of(organisation))
                .append("startsAt", Date.from(BASE.plus(i, ChronoUnit.DAYS))));
            requests.add(new Document("_id", "IDX-RR-" + i).append("convenerId", organisation)
                .append("divisionCode", (i < 12 ? "999001" : "999002") + "001")
                .append("grievanceIds", List.of("IDX-G-" + i))
                .append("request", new Document("queuedAt", Date.from(BASE.plus(i, ChronoUnit.HOURS)))));
        }
        mongo.getCollection("meetings").insertMany(meetings);
        mongo.getCollection("review_requests").insertMany(requests);
    }

    @AfterEach
    void removeThem() {
        mongo.getCollection("meetings").deleteMany(Filters.regex("_id", "^IDX-"));
        mongo.getCollection("review_requests").deleteMany(Filters.regex("_id", "^IDX-"));
    }

    @Test
    void anOrganisationsMeetingsAreReadThroughTheirIndexes() {
        for (var query : List.of(MongoMeetings.convenedByQuery(ORGANISATION),
            MongoMeetings.withParticipantQuery(ORGANISATION), MongoMeetings.withActionItemsOfQuery(ORGANISATION))) {
            QueryPlans.Plan plan = QueryPlans.explain(mongo, MeetingDocument.class, query);

            QueryPlans.assertUsesIndex(plan);
            assertThat(plan.returned()).as(query.toString()).isEqualTo(12);
            assertThat(plan.docsExamined()).as(query.toString()).isEqualTo(12);
        }
    }

    @Test
    void aConvenersAndATerritorysReviewRequestsAreReadThroughTheirIndexes() {
        QueryPlans.Plan convener = QueryPlans.explain(mongo, ReviewRequestDocument.class,
            MongoReviewRequests.convenedByQuery(ORGANISATION));
        QueryPlans.Plan territory = QueryPlans.explain(mongo, ReviewRequestDocument.class,
            MongoReviewRequests.withinQuery("999001"));

        QueryPlans.assertUsesIndex(convener, "convenerId_1", 12);
        assertThat(convener.returned()).isEqualTo(12);
        QueryPlans.assertUsesIndex(territory, "divisionCode_1", 12);
        assertThat(territory.returned()).isEqualTo(12);
    }
}
