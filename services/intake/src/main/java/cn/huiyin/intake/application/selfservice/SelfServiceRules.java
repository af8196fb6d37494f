package cn.huiyin.intake.application.selfservice;

import java.time.Duration;
import java.time.LocalDate;

/**
 * How hard guessing is made ({@code huiyin.intake.self-service.*}).
 *
 * @param failuresPerTrackingNumber failed attempts a grievance allows, from all clients together, before it is
 *                                  locked (counted since its last lock or success, however slowly they come)
 * @param failuresPerClient         failed attempts a client (address) may make, on any grievance, before it is locked
 * @param forgetAfter               how long failures and lock-outs are remembered without new ones
 * @param lockFor                   how long a tracking number or client is locked the first time it is over its limit;
 *                                  each further lock lasts twice as long as the one before
 * @param maxLock                   the longest lock
 * @param legacyMobileUntil         until which day a grievance filed before query codes opens with the worker's whole
 *                                  mobile number (ADR 0021); null: never
 */
public record SelfServiceRules(int failuresPerTrackingNumber, int failuresPerClient, Duration forgetAfter, Duration lockFor,
                               Duration maxLock, LocalDate legacyMobileUntil) {

    public SelfServiceRules {
        if (failuresPerTrackingNumber < 1 || failuresPerClient < 1 || forgetAfter.isNegative() || forgetAfter.isZero()
            || lockFor.isNegative() || lockFor.isZero() || maxLock.compareTo(lockFor) < 0) {
            throw new IllegalArgumentException("huiyin.intake.self-service: limits and durations must be positive");
        }
    }
}
