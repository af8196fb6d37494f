package cn.huiyin.jointmeeting.persistence;

import java.util.List;

import cn.huiyin.jointmeeting.domain.review.ReviewRequest;
import cn.huiyin.platform.messaging.outbox.AggregateDocument;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A review request as stored, with its outbox. {@code convenerId}, {@code divisionCode} and {@code grievanceIds} are
 * the fields the queue, jurisdiction and per-case queries filter on.
 */
@Document("review_requests")
class ReviewRequestDocument extends AggregateDocument {

    private ReviewRequest.Snapshot request;
    private String convenerId;
    private String divisionCode;
    private List<String> grievanceIds;

    ReviewRequestDocument() {
    }

    static ReviewRequestDocument from(ReviewRequest request, long version) {
        ReviewRequestDocument document = new ReviewRequestDocument();
        document.setId(request.id());
        document.setVersion(version);
        document.request = request.snapshot();
        document.convenerId = request.convener() == null ? null : request.convener().id();
        document.divisionCode = request.snapshot().divisionCode();
        document.grievanceIds = request.grievanceIds();
        return document;
    }

    ReviewRequest toDomain() {
        return ReviewRequest.restore(request);
    }
}
