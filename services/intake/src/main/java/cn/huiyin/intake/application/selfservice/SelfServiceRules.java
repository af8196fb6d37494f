package cn.huiyin.intake.application.selfservice;

import java.time.Duration;
import java.time.LocalDate;

/**
 * How hard guessing is made ({@code huiyin.intake.self-service.*}).
 *
 * @param failuresPerTrackingNumber failed attempts a grievance allows per window, from all clients together
 * @param failuresPerClient         failed attempts a client (address) may make per window, on any grievance
 * @param window                    the counting window (windows are fixed, e.g. calendar days in UTC for P1D)
 * @param lockFor                   how long a tracking number or client is locked the first time it is over its limit;
 *                                  each further lock lasts twice as long as the one before
 * @param maxLock                   the longest lock
 * @param legacyMobileUntil         until which day a grievance filed before query codes opens with the worker's whole
 *                                  mobile number (ADR 0016); null: never
 */
public record SelfServiceRules(int failuresPerTrackingNumber, int failuresPerClient, Duration window, Duration lockFor,
                               Duration maxLock, LocalDate legacyMobileUntil) {

    public SelfServiceRules {
        if (failuresPerTrackingNumber < 1 || failuresPerClient < 1 || window.isNegative() || window.isZero()
            || lockFor.isNegative() || lockFor.isZero() || maxLock.compareTo(lockFor) < 0) {
            throw new IllegalArgumentException("huiyin.intake.self-service: limits and durations must be positive");
        }
    }
}
