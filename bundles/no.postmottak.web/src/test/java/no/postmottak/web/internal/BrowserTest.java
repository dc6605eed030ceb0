package no.postmottak.web.internal;

import static no.postmottak.web.internal.TestServer.ORG_A;
import static no.postmottak.web.internal.TestServer.ORG_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import no.postmottak.api.ItemState;
import no.postmottak.api.channel.ChannelAlert;

/**
 * A clerk in headless Chromium (the OS packages chromium and chromium-driver; skipped when they are absent): log
 * in, see the inbox, open an item, see the PDF preview (screenshot in target/screenshots), delete with a reason.
 */
class BrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    TestServer server;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void start(@TempDir Path profile) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "headless Chromium is not installed (apt-get install chromium chromium-driver)");
        server = new TestServer();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aClerkLogsInOpensAnItemSeesThePdfAndDeletesIt() throws Exception {
        String id = server.receive(ORG_A, "Søknad om utslippstillatelse");
        server.receive(ORG_B, "Hemmelig for org B");

        browser.get(server.base() + "/postmottak/inbox.html");
        wait.until(ExpectedConditions.urlContains("/postmottak/login.html"));
        browser.findElement(By.id("username")).sendKeys("anne");
        browser.findElement(By.id("password")).sendKeys("anne-pw");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rows"), "Søknad om utslippstillatelse"));
        assertThat(browser.findElement(By.id("rows")).getText()).doesNotContain("Hemmelig for org B");
        assertThat(browser.findElement(By.id("user-name")).getText()).isEqualTo("anne");
        screenshot("inbox");

        browser.findElement(By.linkText("Søknad om utslippstillatelse")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("meta"), "2023/77-5"));
        assertThat(browser.findElement(By.id("case-number")).getAttribute("value")).isEqualTo("2024/412");
        assertThat(browser.findElement(By.id("documents")).getText()).contains("Søknad om løyve.pdf");

        // The preview frame loads the PDF from our origin and Chromium's PDF viewer draws the (white) page on its
        // dark background: wait until the frame shows white.
        WebElement frame = browser.findElement(By.id("preview"));
        assertThat(frame.getAttribute("src")).endsWith("/documents/0");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> whiteShare(frame) > 0.05);
        screenshot("item-pdf-preview");

        browser.findElement(By.id("delete-reason")).sendKeys("Feilsendt, skal til en annen kommune");
        browser.findElement(By.cssSelector("#delete-form button")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Elementet er slettet."));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("meta"), "Slettet"));
        assertThat(server.inbox.get(UUID.fromString(id)).orElseThrow().state()).isEqualTo(ItemState.DELETED);
        assertThat(browser.findElement(By.id("audit")).getText()).contains("anne", "Feilsendt");
        screenshot("item-deleted");

        // Logging out ends the session: the inbox sends the browser back to the login page.
        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.urlContains("/postmottak/login.html"));
        browser.get(server.base() + "/postmottak/inbox.html");
        wait.until(ExpectedConditions.urlContains("/postmottak/login.html"));
    }

    @Test
    void anAdministratorSeesUnconfiguredOrganisationsAndCounts() throws Exception {
        server.receive(TestServer.ORG_UNKNOWN, "Post til en kommune uten oppsett");
        server.receive(ORG_A, "Vanlig post");
        TestChannelAccount kommune = new TestChannelAccount("kommune", List.of(new ChannelAlert(
                ChannelAlert.Kind.CERTIFICATE_EXPIRING, ChannelAlert.Severity.WARNING, "Sertifikatet går ut snart")),
                true);
        server.channels.add(1, kommune);
        server.channels.add(2, TestChannelAccount.broken());
        browser.get(server.base() + "/postmottak/login.html");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("admin-pw");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/postmottak/admin.html"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("unconfigured"),
                TestServer.ORG_UNKNOWN));
        assertThat(browser.findElement(By.id("counts")).getText()).contains(ORG_A, ORG_B, TestServer.ORG_UNKNOWN);
        String channels = browser.findElement(By.id("channels")).getText();
        assertThat(channels).contains("SvarInn – kommune", "Advarsel: Sertifikatet går ut snart",
                "Status kunne ikke hentes");

        browser.findElement(By.cssSelector("[data-channel='1'] button.poll-now")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("channels"), "Ferdig:"));
        assertThat(kommune.polls.get()).isEqualTo(1);
        assertThat(browser.findElement(By.cssSelector("[data-channel='1']")).getText())
                .contains("1 mottatt, 0 feilet av 1 ventende");
        screenshot("admin");
    }

    /** The share of near-white pixels inside the element, from a screenshot of the viewport. */
    private double whiteShare(WebElement element) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                    ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES)));
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
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path screenshot(String name) throws Exception {
        File file = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        return Files.move(file.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
