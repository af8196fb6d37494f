package cn.huiyin.platform.messaging.inbound;

import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What a consumer does when handling an event fails, by kind of failure:
 * <ul>
 *   <li>{@link Kind#POISON}: the record can never be processed (malformed, or waiting behind a dead letter) — to the
 *       dead-letter topic at once;</li>
 *   <li>{@link Kind#INFRASTRUCTURE}: the store or broker is away or busy (timeouts, lost connections, an optimistic
 *       lock lost to a concurrent writer) — retried with back-off for as long as it takes, the record keeping its
 *       place so the partition's order holds: a MongoDB blip is not poison;</li>
 *   <li>{@link Kind#NOT_YET}: the event depends on one not yet arrived on another topic ({@link RetryLaterException})
 *       — retried with back-off for a bounded time, then dead-lettered;</li>
 *   <li>{@link Kind#DEFECT}: anything else (a rule the event breaks, a bug) — retried twice quickly, then
 *       dead-lettered so one grievance cannot stop the others; its later events wait behind it.</li>
 * </ul>
 */
public final class InboundFailures {

    /** How a failure is treated. */
    public enum Kind { POISON, INFRASTRUCTURE, NOT_YET, DEFECT }

    private static final Set<String> INFRASTRUCTURE_TYPES = Set.of(
        "com.mongodb.MongoSocketException", "com.mongodb.MongoTimeoutException",
        "com.mongodb.MongoExecutionTimeoutException", "com.mongodb.MongoOperationTimeoutException",
        "com.mongodb.MongoNotPrimaryException", "com.mongodb.MongoNodeIsRecoveringException",
        "com.mongodb.MongoConnectionPoolClearedException", "com.mongodb.MongoInterruptedException",
        "org.apache.kafka.common.errors.RetriableException");

    private final Duration maxBackoff;
    private final Duration notYetLimit;

    public InboundFailures(Duration maxBackoff, Duration notYetLimit) {
        this.maxBackoff = maxBackoff;
        this.notYetLimit = notYetLimit;
    }

    public static Kind classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MalformedEventException || t instanceof ParkedBehindException) {
                return Kind.POISON;
            }
            if (t instanceof RetryLaterException) {
                return Kind.NOT_YET;
            }
            if (isInfrastructure(t)) {
                return Kind.INFRASTRUCTURE;
            }
        }
        return Kind.DEFECT;
    }

    private static boolean isInfrastructure(Throwable t) {
        if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
            || t instanceof DataAccessResourceFailureException || t instanceof EventBeingProcessedException
            || t instanceof SocketException || t instanceof TimeoutException) {
            return true;
        }
        for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
            if (INFRASTRUCTURE_TYPES.contains(type.getName())) {
                return true;
            }
        }
        return false;
    }

    /** The pauses between attempts for a failure of this kind; when the back-off ends, the record is dead-lettered. */
    public BackOff backOff(Throwable failure) {
        return switch (classify(failure)) {
            case POISON -> new FixedBackOff(0, 0);
            case INFRASTRUCTURE -> exponential(Long.MAX_VALUE);
            case NOT_YET -> exponential(notYetLimit.toMillis());
            case DEFECT -> new FixedBackOff(200, 2);
        };
    }

    private ExponentialBackOff exponential(long maxElapsedMillis) {
        ExponentialBackOff backOff = new ExponentialBackOff(250, 2.0);
        backOff.setMaxInterval(maxBackoff.toMillis());
        backOff.setMaxElapsedTime(maxElapsedMillis);
        return backOff;
    }
}
