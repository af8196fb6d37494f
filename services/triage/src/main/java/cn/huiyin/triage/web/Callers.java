package cn.huiyin.triage.web;

import cn.huiyin.platform.kernel.access.Caller;
import cn.huiyin.platform.service.security.CurrentUser;

/** The caller of the current request as the use cases see it. */
final class Callers {

    private Callers() {
    }

    static Caller current() {
        return CurrentUser.required().caller();
    }
}
