package cn.huiyin.console.web;

import cn.huiyin.console.application.ServiceUnavailable;
import cn.huiyin.console.application.SignInRequired;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

/** What every page knows (who is signed in), and what a page does when a call fails outside its own parts. */
@ControllerAdvice
class ConsoleAdvice {

    @ModelAttribute("user")
    ConsoleUser user() {
        return ConsoleUser.current();
    }

    /** An expired token: sign in again; the provider answers at once while its own session lasts. */
    @ExceptionHandler(SignInRequired.class)
    String signInAgain(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/oauth2/authorization/" + ConsoleSecurity.REGISTRATION;
    }

    @ExceptionHandler(ServiceUnavailable.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String unavailable(ServiceUnavailable down, Model model) {
        model.addAttribute("service", down.service());
        return "unavailable";
    }
}
