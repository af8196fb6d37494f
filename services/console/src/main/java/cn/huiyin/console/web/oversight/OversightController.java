package cn.huiyin.console.web.oversight;

import cn.huiyin.console.application.Service;
import cn.huiyin.console.application.Services;
import cn.huiyin.console.web.PageParts;
import cn.huiyin.platform.kernel.access.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The convener's queue (联席会商) and the supervisor's escalations (督办), as lists to act on. */
@Controller
class OversightController {

    private final Services services;

    OversightController(Services services) {
        this.services = services;
    }

    @GetMapping("/convener")
    @PreAuthorize("hasRole('" + Roles.MEETING_CONVENER + "')")
    String convener(Model model) {
        PageParts parts = PageParts.of(services, model);
        model.addAttribute("requests", parts.list("requests", Service.JOINT_MEETING,
            "/api/review-requests?state=PENDING", "items"));
        model.addAttribute("meetings", parts.list("meetings", Service.JOINT_MEETING, "/api/meetings", "items"));
        return "oversight/convener";
    }

    @GetMapping("/supervisor")
    @PreAuthorize("hasAnyRole('" + Roles.SUPERVISOR + "','" + Roles.ADMIN + "')")
    String supervisor(Model model) {
        model.addAttribute("escalations", PageParts.of(services, model).list("escalations", Service.FOLLOW_UP,
            "/api/supervision/escalations?size=50", "items"));
        return "oversight/supervisor";
    }
}
