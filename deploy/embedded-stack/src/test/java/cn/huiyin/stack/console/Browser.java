package cn.huiyin.stack.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (no browser download), with the flags this
 * machine's closed network needs, and a screenshot of each page the journeys reach (target/screenshots).
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("HUIYIN_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("HUIYIN_CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final java.util.concurrent.atomic.AtomicInteger TIMEOUTS = new java.util.concurrent.atomic.AtomicInteger();

    final ChromeDriver driver;
    private final String base;

    Browser(String base) throws IOException {
        this.base = base.replaceAll("/+$", "");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--lang=zh-CN", "--window-size=1280,1000",
            "--user-data-dir=" + Files.createTempDirectory("huiyin-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    /** The console's address, for a second browser on the same journeys. */
    String base() {
        return base;
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    void open(String path) {
        driver.get(path.startsWith("http") ? path : base + path);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    boolean present(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    String text(String css) {
        return find(css).getText().strip();
    }

    /** Waits; a timeout names the page the browser was on and what it showed, and keeps its screenshot. */
    <T> T waitFor(Duration limit, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, limit, Duration.ofMillis(300)).until(condition);
        } catch (TimeoutException e) {
            screenshot("timeout-" + TIMEOUTS.incrementAndGet());
            String page = driver.findElement(By.tagName("body")).getText();
            throw new AssertionError("Waited " + limit.toSeconds() + " s on " + driver.getCurrentUrl() + ", which shows:\n"
                + page.substring(0, Math.min(page.length(), 1500)), e);
        }
    }

    /** Reloads {@code path} until {@code css} is on the page (an event still on its way between services). */
    void reloadUntil(String path, String css, Duration limit) {
        waitFor(limit, d -> {
            open(path);
            return present(css) ? Boolean.TRUE : null;
        });
    }

    /**
     * Sets an input's value as its picker would (a date-time picker takes no typed text in every locale); WebDriver's
     * script runs outside the page's content security policy.
     */
    void setValue(String css, String value) {
        driver.executeScript("arguments[0].value = arguments[1];", find(css), value);
    }

    void phoneSized() {
        driver.manage().window().setSize(new Dimension(390, 844));
    }

    void desktopSized() {
        driver.manage().window().setSize(new Dimension(1280, 1000));
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The provider's sign-in form, as a person fills it. */
    void signIn(String username) {
        open("/");
        waitFor(Duration.ofSeconds(30), d -> present("input[name=username]") ? Boolean.TRUE : null);
        find("input[name=username]").sendKeys(username);
        find("input[name=password]").sendKeys("demo-only-" + username);
        find("button[type=submit]").click();
        waitFor(Duration.ofSeconds(30), d -> d.getCurrentUrl().startsWith(base) && present("#signed-in-user")
            ? Boolean.TRUE : null);
    }

    void signOut() {
        find("#sign-out").click();
        waitFor(Duration.ofSeconds(30), d -> present("#signed-out") ? Boolean.TRUE : null);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
