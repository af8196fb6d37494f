package cn.huiyin.platform.messaging.outbox;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;

/**
 * Base of every persisted aggregate that publishes events. The document carries its own outbox: events are stored in
 * the same single-document write as the state change that raised them, so they cannot be lost or published without
 * it, and no multi-document transaction is needed.
 *
 * <p>{@code version} is managed by {@link AggregateStore} (optimistic locking), not by Spring Data.
 */
public abstract class AggregateDocument {

    @Id
    private String id;
    private long version;
    private List<OutboxEvent> outbox = new ArrayList<>();

    protected AggregateDocument() {
    }

    protected AggregateDocument(String id) {
        this.id = id;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    /** Events written but not yet confirmed by the broker, oldest first. */
    public List<OutboxEvent> getOutbox() {
        return outbox;
    }

    public void setOutbox(List<OutboxEvent> outbox) {
        this.outbox = outbox == null ? new ArrayList<>() : outbox;
    }
}
