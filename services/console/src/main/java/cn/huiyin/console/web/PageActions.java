package cn.huiyin.console.web;

import java.util.function.Supplier;

import cn.huiyin.console.application.Answer;
import cn.huiyin.console.application.Refusal;
import cn.huiyin.console.application.ServiceUnavailable;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A form's action, then back to the page (post/redirect/get): the page shows {@code doneAttribute}, the service's
 * refusal ({@code refusal}) or that the service is down ({@code actionDown}).
 */
public final class PageActions {

    private PageActions() {
    }

    public static String perform(Supplier<Answer> call, RedirectAttributes redirect, String doneAttribute,
                                 Object doneValue, String page) {
        try {
            Answer answer = call.get();
            if (answer.ok()) {
                redirect.addFlashAttribute(doneAttribute, doneValue);
            } else {
                redirect.addFlashAttribute("refusal", Refusal.of(answer));
            }
        } catch (ServiceUnavailable down) {
            redirect.addFlashAttribute("actionDown", down.service());
        }
        return "redirect:" + page;
    }
}
