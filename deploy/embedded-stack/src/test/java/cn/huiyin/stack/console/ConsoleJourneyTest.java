package cn.huiyin.stack.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

import cn.huiyin.stack.StackProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/**
 * The console as its users walk it, in a real headless Chromium against the whole embedded stack started as
 * {@code ./huiyin up} starts it: a clerk's bad form is answered field by field (in Chinese, and in English when
 * toggled) with nothing stored; the clerk files the Heyuan rider's refused claim with a photo from the keyboard and
 * gets the receipt with the query code; the committee's handler signs for it and resolves it with the remedy; the
 * callback agent closes it satisfied; the leader's closure figure moves; the worker follows it on a phone-sized page;
 * the supervisor finds who did what in the audit trail. The rider comes back with a parking problem: the clerk finds
 * his earlier grievance by his mobile and files the new one with his name filled in; the street's handler signs for
 * it and escalates it; the street's convener takes it to a joint meeting, sets the agenda, records the decision with
 * an action item and the minutes, and concludes the meeting. Then the same console in headless Firefox: the worker's
 * phone page, the clerk's form with its live suggestion and field errors, the leader's charts.
 * Screenshots of every page are kept in target/screenshots (deploy/embedded-stack/target/screenshots).
 *
 * <p>{@code -Dhuiyin.test.console-url=http://127.0.0.1:8080} runs the journeys against a stack already up.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleJourneyTest {

    private static final Duration BETWEEN_SERVICES = Duration.ofSeconds(60);
    /** A 1×1 PNG: the photo the rider brought. */
    private static final byte[] PHOTO = Base64.getDecoder().decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static StackProcess stack;
    private static Browser browser;
    private static Firefox firefox;
    private static String trackingNumber;
    private static String queryCode;
    private static String closedBefore;
    private static String parkingNumber;

    @BeforeAll
    static void startTheStackAndABrowser() throws Exception {
        assumeFalse("1".equals(System.getenv("HUIYIN_SKIP_BROWSER_TESTS")), "HUIYIN_SKIP_BROWSER_TESTS=1");
        assertThat(Browser.installed()).as("Debian's chromium and chromium-driver (./huiyin test installs them): "
            + Browser.CHROMIUM + ", " + Browser.CHROMEDRIVER).isTrue();
        assertThat(Firefox.installed()).as("Debian's firefox-esr (./huiyin test installs it): " + Firefox.FIREFOX).isTrue();
        String console = System.getProperty("huiyin.test.console-url");
        if (console == null) {
            stack = new StackProcess(Files.createTempDirectory(Path.of("target"), "console-journey-").toAbsolutePath());
            System.out.printf("Console journeys: the stack is up in %d s%n", stack.start().toSeconds());
            console = stack.url("console");
        }
        browser = new Browser(console);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (firefox != null) {
            firefox.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void theLeaderSeesTheFiguresBeforehand() {
        browser.signIn("dashboard-viewer");
        assertThat(browser.driver.getCurrentUrl()).contains("/leader");
        closedBefore = browser.present("#drill-closureRate") ? browser.text("#drill-closureRate") : "0";
        assertThat(browser.present("#rates-chart")).isTrue();
        browser.screenshot("01-leader-before");
        browser.signOut();
    }

    @Test
    @Order(2)
    void aBadFormIsAnsweredFieldByFieldInChineseAndInEnglishAndNothingIsFiled() {
        browser.signIn("window-clerk");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/clerk/new");
        browser.find("#workerName").sendKeys("李明");
        browser.find("#workerMobile").sendKeys("12345");
        browser.find("#submit").click();

        browser.waitFor(BETWEEN_SERVICES, d -> browser.present("#refusal") ? Boolean.TRUE : null);
        assertThat(browser.text("#workerMobile-errors")).contains("手机号");
        assertThat(browser.present("#description-errors")).isTrue();
        assertThat(browser.present("#divisionCode-errors")).isTrue();
        assertThat(browser.find("#workerName").getAttribute("value")).as("what was typed stays").isEqualTo("李明");
        browser.screenshot("02-clerk-bad-input-zh");

        browser.find("#lang-toggle").click();
        browser.find("#workerMobile").sendKeys("0");
        browser.find("#submit").click();
        browser.waitFor(BETWEEN_SERVICES, d -> browser.present("#workerMobile-errors") ? Boolean.TRUE : null);
        assertThat(browser.text("#workerMobile-errors")).matches("(?s).*[A-Za-z]{4,}.*").doesNotContain("手机号");
        browser.screenshot("03-clerk-bad-input-en");
        browser.find("#lang-toggle").click();
    }

    @Test
    @Order(3)
    void theClerkFilesTheRidersClaimWithAPhotoFromTheKeyboardAndPrintsTheReceipt() throws Exception {
        Path photo = Files.createTempFile("rider-hand", ".png");
        Files.write(photo, PHOTO);
        browser.open("/clerk/new");
        long started = System.nanoTime();
        browser.find("#workerName").sendKeys("李明");
        browser.find("#workerMobile").sendKeys("13812341234");
        browser.find("#platformOrEmployer").sendKeys("美团");
        browser.find("#description").sendKeys("雨天送餐途中摔倒致手部骨折，保险公司以受伤时间与订单记录相差15分钟为由拒绝理赔。");
        new Select(browser.find("#category")).selectByValue("INJURY_INSURANCE");
        new Select(browser.find("#divisionCode")).selectByValue("510112002");
        browser.find("#evidence").sendKeys(photo.toString());
        browser.find("#address").sendKeys("成龙大道二段", Keys.ENTER);

        browser.waitFor(BETWEEN_SERVICES, d -> browser.present("#tracking-number") ? Boolean.TRUE : null);
        System.out.printf("Console journeys: the clerk's form filled and filed in %d ms%n",
            Duration.ofNanos(System.nanoTime() - started).toMillis());
        trackingNumber = browser.text("#tracking-number");
        queryCode = browser.text("#query-code");
        assertThat(trackingNumber).matches("HY-\\d{8}-\\d{6}");
        assertThat(queryCode).matches("\\d{10}");
        assertThat(browser.present("#qr")).isTrue();
        assertThat(browser.present("#print")).isTrue();
        browser.screenshot("04-clerk-receipt");

        browser.driver.navigate().refresh();
        assertThat(browser.present("#query-code")).as("the code is shown once").isFalse();
        assertThat(browser.present("#code-shown-once")).isTrue();
        browser.signOut();
    }

    @Test
    @Order(4)
    void theCommitteeHandlerSignsForItAndResolvesItWithTheRemedy() {
        browser.signIn("org-handler");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/handler");
        browser.reloadUntil("/handler", "a[href$='" + trackingNumber + "']", BETWEEN_SERVICES);
        browser.screenshot("05-handler-inbox");
        browser.find("a[href$='" + trackingNumber + "']").click();
        browser.find("#accept").click();
        browser.waitFor(BETWEEN_SERVICES, d -> browser.present("#done") ? Boolean.TRUE : null);

        browser.reloadUntil("/handler/cases/" + trackingNumber, "#first-contact", BETWEEN_SERVICES);
        browser.find("#first-contact").click();
        browser.waitFor(BETWEEN_SERVICES, d -> browser.present("#done") ? Boolean.TRUE : null);
        browser.find("#resolution-explanation").sendKeys("保险公司已同意理赔。");
        browser.find("#money").sendKeys("8260.00");
        browser.find("#claim-paid").click();
        browser.find("#resolve").click();
        browser.waitFor(BETWEEN_SERVICES, d -> browser.present("#done") ? Boolean.TRUE : null);
        assertThat(browser.text("#resolutions")).contains("8260.00", "已理赔");
        browser.screenshot("06-handler-case-resolved");
        browser.signOut();
    }

    @Test
    @Order(5)
    void theCallbackAgentClosesItSatisfied() {
        browser.signIn("callback-agent");
        browser.reloadUntil("/callbacks", "#callback-" + trackingNumber, BETWEEN_SERVICES);
        browser.screenshot("07-callbacks-due");
        browser.find("#record-" + trackingNumber).click();
        browser.waitFor(BETWEEN_SERVICES, d -> browser.present("#recorded") ? Boolean.TRUE : null);
        assertThat(browser.text("#recorded")).contains(trackingNumber);
        browser.signOut();
    }

    @Test
    @Order(6)
    void theLeadersClosureFigureMovesAndDrillsDownToTheCase() {
        browser.signIn("dashboard-viewer");
        browser.waitFor(BETWEEN_SERVICES, d -> {
            browser.open("/leader");
            return browser.present("#drill-closureRate") && !browser.text("#drill-closureRate").equals(closedBefore)
                ? Boolean.TRUE : null;
        });
        assertThat(Integer.parseInt(browser.text("#drill-closureRate"))).isEqualTo(Integer.parseInt(closedBefore) + 1);
        assertThat(browser.driver.getPageSource()).doesNotContain("13812341234").doesNotContain("李明");
        browser.screenshot("08-leader-after");
        browser.find("#drill-closureRate").click();
        assertThat(browser.text("#drill-cases")).contains(trackingNumber);
        browser.screenshot("09-leader-drill-down");
        browser.signOut();
    }

    @Test
    @Order(7)
    void theWorkerFollowsItAllOnAPhoneSizedPage() {
        browser.phoneSized();
        browser.open("/worker?n=" + trackingNumber);
        browser.find("#queryCode").sendKeys(queryCode, Keys.ENTER);
        browser.waitFor(BETWEEN_SERVICES, d -> browser.present("#worker-history") ? Boolean.TRUE : null);
        browser.waitFor(BETWEEN_SERVICES, d -> {
            if (browser.text("#worker-history").contains("已办结")) {
                return Boolean.TRUE;
            }
            browser.open("/worker?n=" + trackingNumber);
            browser.find("#queryCode").sendKeys(queryCode, Keys.ENTER);
            return null;
        });
        assertThat(browser.text("#worker-history")).contains("已签收", "已与您联系", "8260.00", "已办结");
        browser.screenshot("10-worker-phone");
    }

    @Test
    @Order(8)
    void theSupervisorFindsWhoDidWhatInTheAuditTrail() {
        browser.desktopSized();
        browser.signIn("supervisor");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/supervisor");
        browser.find("#auditGrievanceId").sendKeys(trackingNumber, Keys.ENTER);
        browser.waitFor(BETWEEN_SERVICES, d -> browser.present("#audit") ? Boolean.TRUE : null);
        assertThat(browser.text("#audit")).contains("window-clerk");
        browser.screenshot("11-supervisor-audit");
        browser.signOut();
    }

    @Test
    @Order(9)
    void theClerkFindsTheReturningRiderByHisMobileAndFilesHisParkingProblem() {
        browser.signIn("window-clerk");
        browser.find("#lookupMobile").sendKeys("13812341234", Keys.ENTER);
        browser.waitFor(BETWEEN_SERVICES, d -> browser.present("#earlier") ? Boolean.TRUE : null);
        assertThat(browser.text("#earlier-grievances")).contains(trackingNumber);
        assertThat(browser.text("#last-name")).as("masked: a number alone reveals no name").contains("李*")
            .doesNotContain("李明");
        assertThat(browser.find("#workerMobile").getAttribute("value")).isEqualTo("13812341234");
        browser.find("#workerName").sendKeys("李明");
        assertThat(browser.driver.getCurrentUrl()).as("the number stays out of the address").doesNotContain("138123");
        browser.screenshot("12-clerk-returning-worker");

        browser.find("#description").sendKeys("龙湖天街北门不让外卖骑手停车，电动车没有地方停，经常被保安驱赶。");
        new Select(browser.find("#category")).selectByValue("PARKING_ACCESS");
        new Select(browser.find("#divisionCode")).selectByValue("510112002001");
        browser.find("#address").sendKeys("龙湖天街北门", Keys.ENTER);
        browser.waitFor(BETWEEN_SERVICES, d -> browser.present("#tracking-number") ? Boolean.TRUE : null);
        parkingNumber = browser.text("#tracking-number");
        browser.signOut();
    }

    @Test
    @Order(10)
    void theStreetsHandlerSignsForItAndEscalatesItToAJointReview() {
        browser.signIn("street-handler");
        browser.reloadUntil("/handler", "a[href$='" + parkingNumber + "']", BETWEEN_SERVICES);
        browser.open("/handler/cases/" + parkingNumber);
        browser.find("#accept").click();
        browser.waitFor(BETWEEN_SERVICES, d -> browser.present("#done") ? Boolean.TRUE : null);
        // Joint-meeting learns of the signing from triage's event: the escalation is refused until then.
        browser.waitFor(BETWEEN_SERVICES, d -> {
            browser.open("/handler/cases/" + parkingNumber);
            if (!browser.present("#escalate")) {
                return null;
            }
            browser.find("#escalation-explanation").sendKeys("停车位需城管、商场和平台共同解决，街道难以单独协调。");
            browser.find("#escalate").click();
            // A click whose answer came too late for the console may still have queued the request: the next one
            // is told the case is already in it, which is as good.
            return browser.present("#done") || browser.text("body").contains("已在会商请求 RR-" + parkingNumber)
                ? Boolean.TRUE : null;
        });
        browser.screenshot("13-handler-escalated");
        browser.signOut();
    }

    @Test
    @Order(11)
    void theConvenerTakesItToAMeetingDecidesWithAnActionItemAndConcludes() {
        browser.signIn("meeting-convener");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/convener");
        browser.reloadUntil("/convener", "[id^='rr-'][id$='" + parkingNumber + "']", BETWEEN_SERVICES);
        browser.screenshot("14-convener-queue");

        // The stack under test runs on the wall clock: the meeting started an hour ago, so it can conclude now.
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Asia/Shanghai"));
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
        browser.find("#title").sendKeys("龙湖天街骑手停车难专题会");
        browser.setValue("#startsAt", now.minusHours(1).format(local));
        browser.setValue("#endsAt", now.plusHours(1).format(local));
        browser.find("#place").sendKeys("大面街道办事处三楼会议室");
        browser.find("#representatives").sendKeys("骑手代表");
        browser.find("#schedule-submit").click();
        browser.waitFor(BETWEEN_SERVICES, d -> browser.present("#meeting-title") ? Boolean.TRUE : null);

        browser.find("#set-agenda").click();
        browser.waitFor(BETWEEN_SERVICES, d -> browser.present("#done[data-form='agenda']") ? Boolean.TRUE : null);
        assertThat(browser.text("#agenda")).contains("AG-1");
        new Select(browser.find("#status-0")).selectByValue("PRESENT");
        browser.find("#record-attendance").click();
        browser.waitFor(BETWEEN_SERVICES, d -> browser.present("#done[data-form='attendance']") ? Boolean.TRUE : null);

        browser.find("#decision-AG-1-ACTIONS").click();
        browser.find("#decision-AG-1-message").sendKeys("街道牵头在北门外增设骑手专用停车位，十个工作日内办结。");
        new Select(browser.find("#decision-AG-1-0-lead")).selectByValue("org-street-damian");
        browser.find("#decision-AG-1-0-task").sendKeys("在龙湖天街北门外增设骑手专用停车位并设置引导标识");
        browser.find("#decision-AG-1-0-expected").sendKeys("新增骑手专用停车位50个");
        browser.find("#decision-AG-1-0-days").sendKeys("10");
        browser.find("#decision-AG-1-save").click();
        browser.waitFor(BETWEEN_SERVICES, d -> browser.present("#done[data-form='decision-AG-1']") ? Boolean.TRUE : null);
        assertThat(browser.find("#decision-AG-1-0-task").getAttribute("value")).contains("骑手专用停车位");
        browser.screenshot("15-convener-decision");

        browser.find("#minutes").sendKeys("会议听取了骑手代表意见，决定由大面街道牵头增设骑手专用停车位。");
        browser.find("#save-minutes").click();
        browser.waitFor(BETWEEN_SERVICES, d -> browser.present("#done[data-form='minutes']") ? Boolean.TRUE : null);
        browser.find("#conclude").click();
        browser.waitFor(BETWEEN_SERVICES, d -> browser.present("#done[data-form='conclude']") ? Boolean.TRUE : null);
        assertThat(browser.text("#meeting-state")).isEqualTo("已结束");
        assertThat(browser.present("#invitation")).isTrue();
        browser.screenshot("16-convener-concluded");
        browser.signOut();
    }

    @Test
    @Order(12)
    void inFirefoxTheWorkerFollowsTheClosedClaimOnAPhone() throws Exception {
        firefox = new Firefox(browser.base());
        firefox.resize(390, 844);
        firefox.open("/worker?n=" + trackingNumber);
        firefox.type("#queryCode", queryCode);
        firefox.submit("#queryCode");
        firefox.waitFor(BETWEEN_SERVICES, () -> firefox.present("#worker-history"));
        assertThat(firefox.text("#worker-history")).contains("已签收", "8260.00", "已办结");
        assertThat(Integer.parseInt(firefox.evaluate("document.documentElement.scrollWidth")))
            .as("no sideways scrolling on a phone").isLessThanOrEqualTo(390);
        firefox.screenshot("17-firefox-worker-phone");
    }

    @Test
    @Order(13)
    void inFirefoxTheClerksFormSuggestsAsTheDescriptionIsTypedAndAnswersFieldByField() {
        firefox.resize(1280, 1000);
        firefox.signIn("window-clerk");
        firefox.type("#description", "外卖平台连续三个月克扣骑手工资，站长拒绝发放拖欠的工资。");
        firefox.waitFor(BETWEEN_SERVICES, () -> !Boolean.parseBoolean(firefox.evaluate(
            "document.getElementById('use-suggestion').hidden")));
        firefox.type("#workerMobile", "12345");
        firefox.click("#submit");
        firefox.waitFor(BETWEEN_SERVICES, () -> firefox.present("#refusal"));
        assertThat(firefox.text("#workerMobile-errors")).contains("手机号");
        assertThat(firefox.present("#divisionCode-errors")).isTrue();
        firefox.screenshot("18-firefox-clerk-bad-input");
        firefox.signOut();
    }

    @Test
    @Order(14)
    void inFirefoxTheLeadersChartsDrawWithoutPersonalData() {
        firefox.signIn("dashboard-viewer");
        firefox.waitFor(BETWEEN_SERVICES, () -> firefox.present("#rates-chart svg"));
        assertThat(Integer.parseInt(firefox.text("#drill-closureRate"))).isEqualTo(Integer.parseInt(closedBefore) + 1);
        assertThat(firefox.evaluate("document.documentElement.outerHTML")).doesNotContain("13812341234")
            .doesNotContain("李明");
        firefox.screenshot("19-firefox-leader");
        firefox.signOut();
    }
}
