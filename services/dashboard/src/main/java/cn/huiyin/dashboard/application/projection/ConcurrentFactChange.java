package cn.huiyin.dashboard.application.projection;

/** Another event changed the fact between its read and its write; applying the event again is safe. */
public class ConcurrentFactChange extends RuntimeException {

    public ConcurrentFactChange(String grievanceId, Throwable cause) {
        super("The fact of " + grievanceId + " changed while an event was applied to it", cause);
    }
}
