package cn.huiyin.platform.messaging.lease;

/** Another holder has the lease; try again later. */
public class LeaseHeldException extends RuntimeException {

    public LeaseHeldException(String name) {
        super("Lease " + name + " is held by someone else");
    }
}
