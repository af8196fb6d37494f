package cn.huiyin.platform.messaging;

/** Who is making the current change, for the audit trail; the service layer provides it from the access token. */
@FunctionalInterface
public interface ActorProvider {

    /** A username, or {@code system} when no person is behind the change. */
    String actor();
}
