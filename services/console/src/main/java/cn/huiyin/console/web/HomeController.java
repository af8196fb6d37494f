package cn.huiyin.console.web;

import cn.huiyin.platform.kernel.access.Roles;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Each role lands on its own work. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        ConsoleUser user = ConsoleUser.current();
        if (user == null) {
            return "redirect:/worker";
        }
        if (user.has(Roles.WINDOW_CLERK, Roles.HOTLINE_OPERATOR)) {
            return "redirect:/clerk/new";
        }
        if (user.has(Roles.ORG_HANDLER, Roles.DEPARTMENT_LIAISON, Roles.TRIAGE_OFFICER)) {
            return "redirect:/handler";
        }
        if (user.has(Roles.CALLBACK_AGENT)) {
            return "redirect:/callbacks";
        }
        if (user.has(Roles.MEETING_CONVENER)) {
            return "redirect:/convener";
        }
        if (user.has(Roles.SUPERVISOR)) {
            return "redirect:/supervisor";
        }
        return "redirect:/leader";
    }

    @GetMapping("/signed-out")
    String signedOut() {
        return "signed-out";
    }
}
