package cn.huiyin.triage.web;

import cn.huiyin.platform.service.security.CurrentUser;
import cn.huiyin.platform.service.security.HuiyinUser;
import cn.huiyin.triage.application.Caller;

/** The caller of the current request as the use cases see it. */
final class Callers {

    private Callers() {
    }

    static Caller current() {
        HuiyinUser user = CurrentUser.required();
        return new Caller(user.username(), user.roles(), user.org(), user.jurisdiction());
    }
}
