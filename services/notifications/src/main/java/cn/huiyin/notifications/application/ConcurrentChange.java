package cn.huiyin.notifications.application;

/** A message changed by someone else since it was read (another instance delivering it): try again later. */
public class ConcurrentChange extends RuntimeException {

    public ConcurrentChange(String id, Throwable cause) {
        super("Notification " + id + " changed concurrently", cause);
    }
}
