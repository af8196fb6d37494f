package cn.huiyin.platform.service.web;

import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * Failures that mean "the store did not answer in time" (unreachable, hung, no primary, an operation past its
 * timeout), wherever they are wrapped: the request gets 503 with {@code Retry-After}, not a 500.
 */
final class StoreUnavailable {

    static final long RETRY_AFTER_SECONDS = 5;

    private StoreUnavailable() {
    }

    static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
                || t instanceof QueryTimeoutException
                || t instanceof MongoTimeoutException || t instanceof MongoSocketException
                || t instanceof MongoExecutionTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
