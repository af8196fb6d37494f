package cn.huiyin.intake.application;

import java.time.Instant;
import java.util.function.Supplier;

import cn.huiyin.intake.domain.TrackingNumber;

/**
 * Remembers submissions by their {@code Idempotency-Key}, so a retried request returns the first answer. A key is
 * claimed together with the tracking number its grievance will get and the query code its worker will get: whichever
 * request completes the work, the grievance can only ever be created under that number, once, and every answer
 * carries the same code. The code is kept sealed (encrypted like the worker's phone number) for a short replay window
 * only ({@link #forgetQueryCodes}).
 */
public interface IdempotencyKeys {

    /** What a claim found. {@code queryCode} is null once the replay window has passed. */
    record Claim(TrackingNumber trackingNumber, String queryCode, boolean firstRequest, SubmissionReceipt completedReceipt) {
    }

    /**
     * Claims {@code key} for a request whose content hashes to {@code fingerprint}.
     *
     * @throws cn.huiyin.platform.kernel.DomainException (CONFLICT) if the key was used for a different request
     */
    Claim claim(String key, String fingerprint, Supplier<TrackingNumber> newTrackingNumber, Supplier<String> newQueryCode);

    void complete(String key, SubmissionReceipt receipt);

    /** Erases the query codes of keys claimed before {@code claimedBefore}; returns how many. */
    long forgetQueryCodes(Instant claimedBefore);
}
