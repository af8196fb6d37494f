package cn.huiyin.console;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The console with every remote service played by one real HTTP server ({@link StandInService}): pages are read
 * through MockMvc as a signed-in user, and what the console sent to the services is read off the stand-in.
 */
@SpringBootTest(properties = "spring.config.name=console")
@AutoConfigureMockMvc
abstract class StandInServicesTest {

    static final StandInService SERVICES = new StandInService();

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @Autowired
    OAuth2AuthorizedClientService authorizedClients;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        for (String service : new String[] {"intake", "triage", "joint-meeting", "follow-up", "dashboard", "notifications"}) {
            registry.add("huiyin.console.services." + service, SERVICES::url);
        }
    }

    @BeforeEach
    void forgetEarlierAnswers() {
        SERVICES.reset();
    }

    RequestPostProcessor user(String role) {
        return new SignedIn(registrations, authorizedClients).as(role, "510100");
    }

    /** A page after a form's post/redirect: the redirect followed with its flash attributes, as a browser does. */
    String follow(MvcResult posted, String role) throws Exception {
        return mvc.perform(get(posted.getResponse().getRedirectedUrl()).flashAttrs(posted.getFlashMap()).with(user(role)))
            .andReturn().getResponse().getContentAsString();
    }
}
