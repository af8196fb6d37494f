package cn.huiyin.followup.application;

import cn.huiyin.platform.kernel.DomainException;

/**
 * Someone else changed the case file or action item between reading and writing it (another request, the supervision
 * scan of another instance, an event). Use cases read again and retry; if it keeps happening the caller gets 409.
 */
public class ConcurrentChange extends DomainException {

    public ConcurrentChange(String id) {
        super(Kind.CONFLICT, "concurrent.modification", "记录 " + id + " 刚被他人修改，请刷新后重试",
            "Record " + id + " was changed by someone else just now; reload and try again");
    }

    /** As above, keeping the store's conflict as the cause: an event handler that meets it is retried, not parked. */
    public ConcurrentChange(String id, RuntimeException conflict) {
        this(id);
        initCause(conflict);
    }
}
