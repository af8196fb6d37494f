package cn.huiyin.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every service the console calls is down (its address refuses connections): each page still answers, with a clear
 * message in the part that service fills, and never a blank page or an error page; a role's pages stay closed to
 * the other roles.
 */
@SpringBootTest(properties = "spring.config.name=console")
@AutoConfigureMockMvc
class DegradedPagesTest {

    private static final int CLOSED = closedPort();
    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.security.oauth2.client.registration.ClientRegistrationRepository registrations;

    @Autowired
    org.springframework.security.oauth2.client.OAuth2AuthorizedClientService authorizedClients;

    @Test
    void theHandlersPageSaysWhichServiceIsDownInEachPart() throws Exception {
        String page = page("/handler", "org-handler", 200);

        assertThat(page).contains("分拨服务暂时不可用").contains("跟踪督办服务暂时不可用").contains("承办工作台");
    }

    @Test
    void theLeadersPageAndTheCallbackPageDegradeTheSameWay() throws Exception {
        assertThat(page("/leader", "dashboard-viewer", 200)).contains("看板服务暂时不可用");
        assertThat(page("/callbacks", "callback-agent", 200)).contains("跟踪督办服务暂时不可用");
    }

    @Test
    void inEnglishTheMessageIsEnglish() throws Exception {
        MvcResult result = mvc.perform(get("/handler").param("lang", "en").with(user("org-handler"))).andReturn();

        assertThat(result.getResponse().getContentAsString()).contains("Triage is unavailable for now");
    }

    @Test
    void theWorkersLookupNeedsNoAccountAndSaysIntakeIsDown() throws Exception {
        MvcResult result = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/worker")
            .param("trackingNumber", "HY-20261201-000001").param("queryCode", "1234567890")
            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
            .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString()).contains("问题收集服务暂时不可用");
    }

    @Test
    void aPageOfAnotherRoleIsClosed() throws Exception {
        assertThat(page("/leader", "window-clerk", 403)).doesNotContain("drill-");
        assertThat(page("/clerk/new", "dashboard-viewer", 403)).doesNotContain("workerMobile");
    }

    @Test
    void eachRoleLandsOnItsOwnWork() throws Exception {
        Map<String, String> landings = Map.of("window-clerk", "/clerk/new", "org-handler", "/handler",
            "callback-agent", "/callbacks", "meeting-convener", "/convener", "supervisor", "/supervisor",
            "dashboard-viewer", "/leader");
        for (Map.Entry<String, String> landing : landings.entrySet()) {
            MvcResult result = mvc.perform(get("/").with(user(landing.getKey()))).andReturn();
            assertThat(result.getResponse().getRedirectedUrl()).as(landing.getKey()).isEqualTo(landing.getValue());
        }
    }

    private String page(String path, String role, int status) throws Exception {
        MvcResult result = mvc.perform(get(path).with(user(role))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path + " as " + role).isEqualTo(status);
        return result.getResponse().getContentAsString();
    }

    private RequestPostProcessor user(String role) {
        return new SignedIn(registrations, authorizedClients).as(role, "510100");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
