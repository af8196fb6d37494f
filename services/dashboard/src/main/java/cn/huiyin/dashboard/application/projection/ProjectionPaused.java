package cn.huiyin.dashboard.application.projection;

import cn.huiyin.platform.messaging.inbound.RetryLaterException;

/**
 * The projection is handing over to a rebuilt generation: the event must wait (it is retried in place, keeping its
 * partition's order) and will be applied to the new generation once the hand-over is done.
 */
public class ProjectionPaused extends RetryLaterException {

    public ProjectionPaused(String generation) {
        super("The dashboard projection is handing over to generation " + generation + "; the event waits");
    }
}
