package cn.huiyin.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class DemoUserDirectoryTest {

    static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void readsTheDemoUsersOfTheContractsJar() {
        List<DemoUser> users = DemoUserDirectory.read(new DefaultResourceLoader()
                .getResource("classpath:contracts/reference-data/demo-users.json"));

        assertThat(users).extracting(DemoUser::username)
                .contains("window-clerk", "hotline-operator", "triage-officer", "org-handler", "department-liaison",
                        "meeting-convener", "supervisor", "callback-agent", "dashboard-viewer", "admin",
                        "enterprise-handler", "street-handler")
                .doesNotHaveDuplicates();
        assertThat(users).filteredOn(u -> u.username().equals("street-handler")).singleElement()
                .isEqualTo(new DemoUser("street-handler", "李街道", List.of("org-handler"), "org-street-damian",
                        "510112002"));
    }

    @Test
    void passwordsFollowTheDemoRuleAndAreKeptEncoded() {
        DemoUserDirectory directory = new DemoUserDirectory(List.of(
                new DemoUser("window-clerk", "王窗口", List.of("window-clerk"), "org-lqy-window", "510112")), ENCODER);

        UserDetails user = directory.loadUserByUsername("window-clerk");

        assertThat(user.getPassword()).startsWith("{bcrypt}").doesNotContain("demo-only-window-clerk");
        assertThat(ENCODER.matches("demo-only-window-clerk", user.getPassword())).isTrue();
        assertThat(ENCODER.matches("window-clerk", user.getPassword())).isFalse();
        assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_window-clerk");
        assertThatThrownBy(() -> directory.loadUserByUsername("nobody")).isInstanceOf(UsernameNotFoundException.class);
    }

    @Test
    void refusesIncompleteOrDuplicateUsers() {
        ByteArrayResource noOrg = new ByteArrayResource("""
                {"users": [{"username": "a", "name": "A", "roles": ["admin"], "jurisdiction": "510100"}]}
                """.getBytes());
        assertThatThrownBy(() -> DemoUserDirectory.read(noOrg)).hasMessageContaining("org");

        DemoUser user = new DemoUser("a", "A", List.of("admin"), "org", "510100");
        assertThatThrownBy(() -> new DemoUserDirectory(List.of(user, user), ENCODER))
                .hasMessageContaining("Duplicate");
    }
}
