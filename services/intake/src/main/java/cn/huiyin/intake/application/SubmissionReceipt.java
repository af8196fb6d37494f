package cn.huiyin.intake.application;

import java.time.Instant;

/**
 * What the filer gets back.
 *
 * @param receipt SMS-length text for the worker (Chinese)
 */
public record SubmissionReceipt(String trackingNumber, Instant submittedAt, String receipt) {
}
