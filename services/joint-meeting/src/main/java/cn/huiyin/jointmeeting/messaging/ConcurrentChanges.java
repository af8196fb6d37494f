package cn.huiyin.jointmeeting.messaging;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Events about different grievances or action items arrive on different partitions, so two consumer threads may
 * change one review request or meeting at once; the loser of the optimistic lock simply does its change again on the
 * fresh state. Safe because every change here is idempotent (a merge or completion already applied is a no-op).
 */
final class ConcurrentChanges {

    static final int ATTEMPTS = 5;

    private ConcurrentChanges() {
    }

    static void retry(Runnable change) {
        for (int attempt = 1; ; attempt++) {
            try {
                change.run();
                return;
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
