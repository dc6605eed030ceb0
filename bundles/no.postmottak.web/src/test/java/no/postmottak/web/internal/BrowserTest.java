package no.postmottak.web.internal;

import static no.postmottak.web.internal.TestServer.ORG_A;
import static no.postmottak.web.internal.TestServer.ORG_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import no.postmottak.api.ItemState;
import no.postmottak.api.channel.ChannelAlert;
import no.postmottak.web.testing.Clerk;

/**
 * A clerk in headless Chromium (the OS packages chromium and chromium-driver; skipped when they are absent): log
 * in, see the inbox, open an item, see the PDF preview (screenshot in target/screenshots), delete with a reason; an
 * administrator's page; and an inbox opened while Postmottak starts.
 */
class BrowserTest {

    TestServer server;
    Clerk clerk;
    WebDriver browser;
    WebDriverWait wait;

    @TempDir
    Path profile;

    @BeforeEach
    void requireChromium() {
        assumeTrue(Clerk.installed(), "headless Chromium is not installed (apt-get install chromium chromium-driver)");
    }

    /** The clerk's browser, on {@code testServer}. */
    private void start(TestServer testServer) {
        server = testServer;
        clerk = new Clerk(server.base().toString(), profile, Path.of("target", "screenshots"));
        browser = clerk.browser;
        wait = clerk.wait;
    }

    @AfterEach
    void stop() throws Exception {
        if (clerk != null) {
            clerk.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aClerkLogsInOpensAnItemSeesThePdfAndDeletesIt() throws Exception {
        start(new TestServer());
        String id = server.receive(ORG_A, "Søknad om utslippstillatelse");
        server.receive(ORG_B, "Hemmelig for org B");
        String secret = server.receiveConfidential(ORG_A, "Bekymringsmelding");

        browser.get(server.base() + "/postmottak/inbox.html");
        wait.until(ExpectedConditions.urlContains("/postmottak/login.html"));
        browser.findElement(By.id("username")).sendKeys("anne");
        browser.findElement(By.id("password")).sendKeys("anne-pw");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rows"), "Søknad om utslippstillatelse"));
        assertThat(browser.findElement(By.id("rows")).getText()).doesNotContain("Hemmelig for org B");
        // Confidential mail anne may not read: a masked row, that it exists and nothing to open.
        WebElement masked = browser.findElement(By.cssSelector("#rows tr[data-id='" + secret + "']"));
        assertThat(masked.getAttribute("class")).contains("masked");
        assertThat(masked.getText()).contains("Taushetsbelagt").doesNotContain("Bekymringsmelding");
        assertThat(masked.findElements(By.tagName("a"))).isEmpty();
        assertThat(browser.findElement(By.id("user-name")).getText()).isEqualTo("anne");
        clerk.screenshot("inbox");

        browser.findElement(By.linkText("Søknad om utslippstillatelse")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("meta"), "2023/77-5"));
        assertThat(browser.findElement(By.id("case-number")).getAttribute("value")).isEqualTo("2024/412");
        assertThat(browser.findElement(By.id("archive-target")).getText()).isEqualTo("Arkivmål: testarkiv (test)");
        assertThat(browser.findElement(By.id("case-hint")).getText()).contains("reservesaken 2024/1");
        assertThat(browser.findElement(By.id("documents")).getText()).contains("Søknad om løyve.pdf");

        // The preview frame loads the PDF from our origin and Chromium's PDF viewer draws the (white) page on its
        // dark background: wait until the frame shows white.
        WebElement frame = browser.findElement(By.id("preview"));
        assertThat(frame.getAttribute("src")).endsWith("/documents/0");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> clerk.whiteShare(frame) > 0.05);
        clerk.screenshot("item-pdf-preview");

        browser.findElement(By.id("delete-reason")).sendKeys("Feilsendt, skal til en annen kommune");
        browser.findElement(By.cssSelector("#delete-form button")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Elementet er slettet."));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("meta"), "Slettet"));
        assertThat(server.inbox.get(UUID.fromString(id)).orElseThrow().state()).isEqualTo(ItemState.DELETED);
        assertThat(browser.findElement(By.id("audit")).getText()).contains("anne", "Feilsendt");
        clerk.screenshot("item-deleted");

        // Logging out ends the session: the inbox sends the browser back to the login page.
        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.urlContains("/postmottak/login.html"));
        browser.get(server.base() + "/postmottak/inbox.html");
        wait.until(ExpectedConditions.urlContains("/postmottak/login.html"));
    }

    @Test
    void anAdministratorSeesUnconfiguredOrganisationsAndCounts() throws Exception {
        start(new TestServer());
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
        clerk.screenshot("admin");
    }

    /**
     * A clerk who opens the inbox while Postmottak starts: the API's servlet is not there yet, so the page says that
     * Postmottak is starting and asks again until the API answers.
     */
    @Test
    void anInboxOpenedBeforeTheApiIsRegisteredWaitsForItAndThenShowsTheMail() throws Exception {
        start(TestServer.withApiLater());
        server.receive(ORG_A, "Søknad om utslippstillatelse");

        browser.get(server.base() + "/postmottak/inbox.html");
        wait.until(ExpectedConditions.urlContains("/postmottak/login.html"));
        browser.findElement(By.id("username")).sendKeys("anne");
        browser.findElement(By.id("password")).sendKeys("anne-pw");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"),
                "Postmottak starter. Prøv igjen om litt."));
        assertThat(browser.getPageSource()).doesNotContain("Siden finnes ikke");
        clerk.screenshot("starting");

        server.registerApi();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rows"),
                "Søknad om utslippstillatelse"));
        assertThat(browser.findElement(By.id("message")).isDisplayed()).as("the message is gone").isFalse();
        assertThat(browser.findElement(By.id("user-name")).getText()).isEqualTo("anne");
    }
}
