package cn.huiyin.platform.service.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is calling, for code that decides by jurisdiction or records who did what. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<HuiyinUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof HuiyinAuthentication huiyin) {
            return Optional.of(huiyin.user());
        }
        return Optional.empty();
    }

    /** The caller; throws if the request is anonymous (a public endpoint must not ask). */
    public static HuiyinUser required() {
        return get().orElseThrow(() -> new IllegalStateException("No authenticated user on this request"));
    }

    /** The caller's username, or {@code system} outside a request (event handlers, jobs). */
    public static String nameOrSystem() {
        return get().map(HuiyinUser::username).orElse("system");
    }
}
