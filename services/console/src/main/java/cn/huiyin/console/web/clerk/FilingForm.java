package cn.huiyin.console.web.clerk;

import java.util.UUID;

import cn.huiyin.console.application.FilingDesk;

/** The intake form as the browser posts it; intake's field names are mapped in {@link #FIELDS}. */
public class FilingForm {

    /** Intake's JSON path of each field → the form field it is shown next to. */
    static final java.util.Map<String, String> FIELDS = java.util.Map.ofEntries(
        java.util.Map.entry("channel", "channel"),
        java.util.Map.entry("recordedBy.station", "station"),
        java.util.Map.entry("worker", "workerName"),
        java.util.Map.entry("worker.name", "workerName"),
        java.util.Map.entry("worker.mobile", "workerMobile"),
        java.util.Map.entry("worker.residentId", "workerResidentId"),
        java.util.Map.entry("worker.group", "workerGroup"),
        java.util.Map.entry("worker.platformOrEmployer", "platformOrEmployer"),
        java.util.Map.entry("category", "category"),
        java.util.Map.entry("description", "description"),
        java.util.Map.entry("location", "divisionCode"),
        java.util.Map.entry("location.divisionCode", "divisionCode"),
        java.util.Map.entry("location.address", "address"),
        java.util.Map.entry("occurredAt", "occurredAt"),
        java.util.Map.entry("preferredContactTime", "preferredContactTime"));

    private String channel = "SERVICE_HALL_WINDOW";
    private String station;
    private String workerName;
    private String workerMobile;
    private String workerResidentId;
    private String workerGroup;
    private String platformOrEmployer;
    private boolean confidential;
    private String category;
    private String description;
    private String divisionCode;
    private String address;
    private String occurredAt;
    private String preferredContactTime;
    /** Set when the form is first shown: a double submit or a retry files once. */
    private String idempotencyKey = "console-" + UUID.randomUUID();

    FilingDesk.Filing toFiling() {
        return new FilingDesk.Filing(channel, station, workerName, workerMobile, workerResidentId, workerGroup,
            platformOrEmployer, confidential, category, description, divisionCode, address, occurredAt,
            preferredContactTime, idempotencyKey);
    }

    public String getChannel() { return channel; }
    public void setChannel(String channel) { this.channel = channel; }
    public String getStation() { return station; }
    public void setStation(String station) { this.station = station; }
    public String getWorkerName() { return workerName; }
    public void setWorkerName(String workerName) { this.workerName = workerName; }
    public String getWorkerMobile() { return workerMobile; }
    public void setWorkerMobile(String workerMobile) { this.workerMobile = workerMobile; }
    public String getWorkerResidentId() { return workerResidentId; }
    public void setWorkerResidentId(String workerResidentId) { this.workerResidentId = workerResidentId; }
    public String getWorkerGroup() { return workerGroup; }
    public void setWorkerGroup(String workerGroup) { this.workerGroup = workerGroup; }
    public String getPlatformOrEmployer() { return platformOrEmployer; }
    public void setPlatformOrEmployer(String platformOrEmployer) { this.platformOrEmployer = platformOrEmployer; }
    public boolean isConfidential() { return confidential; }
    public void setConfidential(boolean confidential) { this.confidential = confidential; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getDivisionCode() { return divisionCode; }
    public void setDivisionCode(String divisionCode) { this.divisionCode = divisionCode; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getOccurredAt() { return occurredAt; }
    public void setOccurredAt(String occurredAt) { this.occurredAt = occurredAt; }
    public String getPreferredContactTime() { return preferredContactTime; }
    public void setPreferredContactTime(String preferredContactTime) { this.preferredContactTime = preferredContactTime; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
}
