package cn.huiyin.dashboard.application.projection;

/**
 * The projection is handing over to a rebuilt generation: the event must wait (it is retried in place, keeping its
 * partition's order) and will be applied to the new generation once the handover is done.
 */
public class ProjectionPaused extends RuntimeException {

    public ProjectionPaused(String generation) {
        super("The dashboard projection is handing over to generation " + generation + "; the event waits");
    }
}
