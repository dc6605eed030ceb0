package no.postmottak.web.internal;

import static no.postmottak.web.internal.TestServer.ORG_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import no.postmottak.web.testing.Clerk;

/**
 * A clerk who opens the inbox while Postmottak starts, in headless Chromium (skipped when it is absent): the API's
 * servlet is not there yet, so the page says that Postmottak is starting and asks again until the API answers.
 */
class StartingBrowserTest {

    TestServer server;
    Clerk clerk;

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
    void anInboxOpenedBeforeTheApiIsRegisteredWaitsForItAndThenShowsTheMail(@TempDir Path profile) throws Exception {
        assumeTrue(Clerk.installed(), "headless Chromium is not installed (apt-get install chromium chromium-driver)");
        server = TestServer.withApiLater();
        server.receive(ORG_A, "Søknad om utslippstillatelse");
        clerk = new Clerk(server.base().toString(), profile, Path.of("target", "screenshots"));
        WebDriver browser = clerk.browser;

        browser.get(server.base() + "/postmottak/inbox.html");
        clerk.wait.until(ExpectedConditions.urlContains("/postmottak/login.html"));
        browser.findElement(By.id("username")).sendKeys("anne");
        browser.findElement(By.id("password")).sendKeys("anne-pw");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        clerk.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"),
                "Postmottak starter. Prøv igjen om litt."));
        assertThat(browser.getPageSource()).doesNotContain("Siden finnes ikke");
        clerk.screenshot("starting");

        server.registerApi();

        clerk.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rows"),
                "Søknad om utslippstillatelse"));
        assertThat(browser.findElement(By.id("message")).isDisplayed()).as("the message is gone").isFalse();
        assertThat(browser.findElement(By.id("user-name")).getText()).isEqualTo("anne");
    }
}
