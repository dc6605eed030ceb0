package no.postmottak.web.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A records clerk in headless Chromium (the OS packages chromium and chromium-driver, never a downloaded browser;
 * {@code chromium} and {@code chromedriver} are looked up on the PATH), with screenshot helpers. Shared through this module's test-jar by the web module's browser test (embedded Jetty)
 * and the itest's DemoBrowserIT (the real Karaf distribution).
 */
public final class Clerk implements AutoCloseable {

    private static final Optional<Path> CHROMIUM = onPath("chromium", "chromium-browser");
    private static final Optional<Path> CHROMEDRIVER = onPath("chromedriver");

    public final ChromeDriver browser;
    public final WebDriverWait wait;
    private final String base;
    private final Path screenshots;

    /**
     * @param base        e.g. {@code http://localhost:8181}
     * @param profile     an empty folder for the browser profile
     * @param screenshots where {@link #screenshot} writes
     */
    public Clerk(String base, Path profile, Path screenshots) {
        this.base = base;
        this.screenshots = screenshots;
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.orElseThrow().toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.orElseThrow().toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    public static boolean installed() {
        return CHROMIUM.isPresent() && CHROMEDRIVER.isPresent();
    }

    /** The first of the named programs found in a folder of the PATH. */
    private static Optional<Path> onPath(String... names) {
        List<String> dirs = List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator));
        return Stream.of(names).flatMap(name -> dirs.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, name)))
                .filter(Files::isExecutable).findFirst();
    }

    public void open(String page) {
        browser.get(base + "/postmottak/" + page);
    }

    /** Opens the inbox, is sent to the login page, and logs in. */
    public void logIn(String user, String password) {
        open("inbox.html");
        wait.until(ExpectedConditions.urlContains("/postmottak/login.html"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-name"), user));
    }

    /**
     * The inbox rows' text once the page has loaded its first page of items, or shown that there are none, or
     * shown an error (then the error follows the rows, so that a failed wait tells what the page said).
     */
    public String inboxRows() {
        open("inbox.html");
        wait.until(d -> !d.findElement(By.id("rows")).findElements(By.tagName("tr")).isEmpty()
                || d.findElement(By.id("empty")).isDisplayed() || d.findElement(By.id("message")).isDisplayed());
        WebElement message = browser.findElement(By.id("message"));
        String rows = browser.findElement(By.id("rows")).getText();
        return message.isDisplayed() ? rows + "\n[page message] " + message.getText() : rows;
    }

    public String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    public void waitForText(String id, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    }

    /** The browser's own session cookie, to make plain HTTP requests as this clerk. */
    public String sessionCookie() {
        Cookie cookie = browser.manage().getCookieNamed("POSTMOTTAK_SESSION");
        return cookie.getName() + "=" + cookie.getValue();
    }

    /** The share of near-white pixels inside the element, from a screenshot of the viewport. */
    public double whiteShare(WebElement element) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(browser.getScreenshotAs(OutputType.BYTES)));
            Rectangle r = element.getRect();
            int white = 0;
            int total = 0;
            for (int y = Math.max(0, r.y); y < Math.min(image.getHeight(), r.y + r.height); y += 4) {
                for (int x = Math.max(0, r.x); x < Math.min(image.getWidth(), r.x + r.width); x += 4) {
                    int rgb = image.getRGB(x, y);
                    total++;
                    if ((rgb >> 16 & 0xff) > 240 && (rgb >> 8 & 0xff) > 240 && (rgb & 0xff) > 240) {
                        white++;
                    }
                }
            }
            return total == 0 ? 0 : (double) white / total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves a screenshot of the viewport as {@code <screenshots>/<name>.png}. */
    public Path screenshot(String name) throws IOException {
        Path target = screenshots.resolve(name + ".png");
        Files.createDirectories(screenshots);
        Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
        return target;
    }

    @Override
    public void close() {
        browser.quit();
    }
}
