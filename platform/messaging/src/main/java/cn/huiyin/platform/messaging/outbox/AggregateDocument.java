package cn.huiyin.platform.messaging.outbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;

/**
 * Base of every persisted aggregate. The document carries its own outbox: events are stored in the same
 * single-document write as the state change that raised them, so they cannot be lost or published without it, and
 * no multi-document transaction is needed. It also remembers which inbound events it has already applied, in the
 * same write as their effect, so a redelivered event can never change it twice.
 *
 * <p>{@code version}, {@code eventSequence}, {@code outbox}, {@code applied} and {@code appliedEventIds} are managed
 * by {@link AggregateStore}, not by Spring Data or the aggregate's own mapping.
 */
public abstract class AggregateDocument {

    @Id
    private String id;
    private long version;
    private long eventSequence;
    private List<OutboxEvent> outbox = new ArrayList<>();
    private Map<String, Long> applied = new LinkedHashMap<>();
    private List<String> appliedEventIds = new ArrayList<>();

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

    /** How many events this aggregate has raised in all; the next one is number {@code eventSequence + 1}. */
    public long getEventSequence() {
        return eventSequence;
    }

    public void setEventSequence(long eventSequence) {
        this.eventSequence = eventSequence;
    }

    /** Events written but not yet confirmed by the broker, oldest first. */
    public List<OutboxEvent> getOutbox() {
        return outbox;
    }

    public void setOutbox(List<OutboxEvent> outbox) {
        this.outbox = outbox == null ? new ArrayList<>() : outbox;
    }

    /**
     * The highest sequence applied per producing aggregate ({@link AppliedEvents#key}): an inbound event with a
     * sequence at or below it has had its effect here.
     */
    public Map<String, Long> getApplied() {
        return applied;
    }

    public void setApplied(Map<String, Long> applied) {
        this.applied = applied == null ? new LinkedHashMap<>() : applied;
    }

    /** Ids of the latest inbound events without a sequence (older producers) applied here, newest last. */
    public List<String> getAppliedEventIds() {
        return appliedEventIds;
    }

    public void setAppliedEventIds(List<String> appliedEventIds) {
        this.appliedEventIds = appliedEventIds == null ? new ArrayList<>() : appliedEventIds;
    }
}
