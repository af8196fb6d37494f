package cn.huiyin.console.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import cn.huiyin.console.application.Answer;
import cn.huiyin.console.application.FieldMessage;
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

    /**
     * Like {@link #perform}, for a page with several forms: a refusal also names the form ({@code refusedForm}), puts
     * each bad field next to its input ({@code fieldErrors} keyed {@code <form>:<field>}, the field as the form names it
     * after {@code toFormField}) and keeps what was typed ({@code submitted}), so nothing has to be typed again.
     */
    public static String performForm(Supplier<Answer> call, RedirectAttributes redirect, String doneAttribute,
                                     Object doneValue, String page, String form, Map<String, ?> submitted,
                                     Function<String, String> toFormField) {
        try {
            Answer answer = call.get();
            if (answer.ok()) {
                redirect.addFlashAttribute(doneAttribute, doneValue);
            } else {
                Refusal refusal = Refusal.of(answer);
                redirect.addFlashAttribute("refusal", refusal);
                redirect.addFlashAttribute("refusedForm", form);
                redirect.addFlashAttribute("fieldErrors", byField(refusal, form, toFormField));
                redirect.addFlashAttribute("submitted", new LinkedHashMap<>(submitted));
            }
        } catch (ServiceUnavailable down) {
            redirect.addFlashAttribute("actionDown", down.service());
        }
        return "redirect:" + page;
    }

    public static Map<String, List<FieldMessage>> byField(Refusal refusal, String form, Function<String, String> toFormField) {
        Map<String, List<FieldMessage>> errors = new LinkedHashMap<>();
        for (FieldMessage field : refusal.fields()) {
            errors.computeIfAbsent(form + ":" + toFormField.apply(field.field()), k -> new ArrayList<>()).add(field);
        }
        return errors;
    }
}
