package cn.huiyin.dashboard.application.query;

import cn.huiyin.dashboard.domain.cell.Scopes;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.kernel.access.Caller;
import cn.huiyin.platform.kernel.access.Jurisdiction;

/**
 * Which territory a question is about: the caller's own jurisdiction, or a division within it. A viewer never sees
 * above or beside their jurisdiction, and one without a jurisdiction sees nothing.
 */
public final class Viewers {

    private Viewers() {
    }

    /** The cell scope (division prefix) of the question; 403 outside the caller's jurisdiction. */
    public static String scope(Caller caller, String division) {
        Jurisdiction own = caller.jurisdiction();
        if (own.isNone()) {
            throw DomainException.forbidden("jurisdiction.none", "您的账号未配置辖区，看板不显示任何数据",
                "your account has no jurisdiction, so the dashboard shows nothing");
        }
        if (division == null || division.isBlank()) {
            return own.prefix();
        }
        Jurisdiction asked = Jurisdiction.of(division);
        if (asked.isNone() || !Scopes.isNode(asked.prefix())) {
            throw DomainException.invalid("division.malformed", "区划代码格式不正确：" + division,
                "not a division code: " + division);
        }
        if (!asked.prefix().startsWith(own.prefix())) {
            throw DomainException.forbidden("division.out-of-scope", "该区划不在您的辖区内：" + division,
                "division " + division + " lies outside your jurisdiction " + own);
        }
        return asked.prefix();
    }

    /** Whether a case at {@code divisionCode} lies within the caller's jurisdiction. */
    public static boolean covers(Caller caller, String divisionCode) {
        return caller.jurisdiction().covers(divisionCode);
    }
}
