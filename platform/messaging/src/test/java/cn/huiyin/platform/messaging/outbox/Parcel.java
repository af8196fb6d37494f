package cn.huiyin.platform.messaging.outbox;

import org.springframework.data.mongodb.core.mapping.Document;

/** A minimal aggregate for testing the outbox mechanism on its own. */
@Document("parcels")
class Parcel extends AggregateDocument {

    private String state;
    private String note;

    Parcel() {
    }

    Parcel(String id, String state) {
        super(id);
        this.state = state;
    }

    String getState() {
        return state;
    }

    void setState(String state) {
        this.state = state;
    }

    String getNote() {
        return note;
    }

    void setNote(String note) {
        this.note = note;
    }

    record Registered(String parcelId, String state) {
    }

    record Moved(String parcelId, String state, int step) {
    }
}
