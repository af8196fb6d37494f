package cn.huiyin.platform.service.sample;

import cn.huiyin.platform.service.security.CurrentUser;
import cn.huiyin.platform.service.security.HuiyinUser;
import cn.huiyin.platform.service.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Two endpoints to show the platform's rules: one for window clerks only, one public. */
@RestController
class SampleController {

    record Note(@NotBlank String text) {
    }

    @PostMapping("/api/notes")
    @RolesAllowed(Roles.WINDOW_CLERK)
    HuiyinUser write(@Valid @RequestBody Note note) {
        return CurrentUser.required();
    }

    @GetMapping("/api/public/hello")
    @PermitAll
    String hello() {
        return "你好";
    }
}
