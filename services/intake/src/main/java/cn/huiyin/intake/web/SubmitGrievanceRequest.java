package cn.huiyin.intake.web;

import java.time.OffsetDateTime;

import cn.huiyin.intake.domain.Channel;
import cn.huiyin.intake.domain.ExternalReferences;
import cn.huiyin.intake.domain.Place;
import cn.huiyin.intake.domain.Recorder;
import cn.huiyin.intake.domain.Submission;
import cn.huiyin.intake.domain.Worker;
import cn.huiyin.intake.domain.WorkerGroup;
import cn.huiyin.platform.service.security.HuiyinUser;
import cn.huiyin.platform.service.validation.MainlandMobile;
import cn.huiyin.platform.service.validation.ResidentIdNumber;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/** A grievance as a clerk, an operator or a worker files it. */
record SubmitGrievanceRequest(
    @NotNull Channel channel,
    @Valid RecorderRequest recordedBy,
    @NotNull @Valid WorkerRequest worker,
    Boolean confidential,
    @KnownCategory String category,
    @NotBlank @Size(max = 4000) String description,
    @NotNull @Valid LocationRequest location,
    @PastOrPresent OffsetDateTime occurredAt,
    @Valid ExternalReferencesRequest externalReferences,
    @Size(max = 100) String preferredContactTime) {

    /** Where it was recorded, e.g. a 驿站 or window; who recorded it comes from the access token. */
    record RecorderRequest(@Size(max = 100) String station) {
    }

    record WorkerRequest(
        @NotBlank @Size(max = 50) String name,
        @NotBlank @MainlandMobile String mobile,
        @ResidentIdNumber String residentId,
        @NotNull WorkerGroup group,
        @Size(max = 100) String platformOrEmployer,
        @Size(max = 100) String homeStation) {
    }

    record LocationRequest(
        @NotBlank @KnownDivision String divisionCode,
        @Size(max = 200) String address,
        @Valid CoordinatesRequest coordinates) {
    }

    record CoordinatesRequest(
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {
    }

    record ExternalReferencesRequest(@Size(max = 40) String hotlineTicket, @Size(max = 64) String platformOrderNumber) {
    }

    /** The submission as the caller files it; the recorder is the caller (from the token), never a claim in the body. */
    Submission toSubmission(HuiyinUser caller) {
        Place.Coordinates coordinates = location.coordinates() == null ? null
            : new Place.Coordinates(location.coordinates().latitude(), location.coordinates().longitude());
        return new Submission(channel,
            new Recorder(caller.username(), caller.org(), recordedBy == null ? null : blankToNull(recordedBy.station())),
            new Worker(worker.name().strip(), worker.mobile(), blankToNull(worker.residentId()), worker.group(),
                blankToNull(worker.platformOrEmployer()), blankToNull(worker.homeStation())),
            Boolean.TRUE.equals(confidential), blankToNull(category), description.strip(),
            new Place(location.divisionCode(), blankToNull(location.address()), coordinates),
            occurredAt == null ? null : occurredAt.toInstant(),
            externalReferences == null ? null
                : new ExternalReferences(blankToNull(externalReferences.hotlineTicket()),
                    blankToNull(externalReferences.platformOrderNumber())),
            blankToNull(preferredContactTime));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
