package cn.huiyin.intake.application;

import java.util.function.Supplier;

import cn.huiyin.intake.domain.TrackingNumber;

/**
 * Remembers submissions by their {@code Idempotency-Key}, so a retried request returns the first answer. A key is
 * claimed together with the tracking number its grievance will get; whichever request completes the work, the
 * grievance can only ever be created under that number, once.
 */
public interface IdempotencyKeys {

    /** What a claim found. */
    record Claim(TrackingNumber trackingNumber, boolean firstRequest, SubmissionReceipt completedReceipt) {
    }

    /**
     * Claims {@code key} for a request whose content hashes to {@code fingerprint}.
     *
     * @throws cn.huiyin.platform.kernel.DomainException (CONFLICT) if the key was used for a different request
     */
    Claim claim(String key, String fingerprint, Supplier<TrackingNumber> newTrackingNumber);

    void complete(String key, SubmissionReceipt receipt);
}
