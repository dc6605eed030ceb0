package no.postmottak.itest.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import no.postmottak.itest.FreePort;
import no.postmottak.web.testing.Clerk;

/**
 * Issue 6: the real demo distribution (Karaf with Postmottak and the SvarInn, WebSak and Acos simulators, as
 * {@code distribution/run-demo.sh} starts it, on free ports) driven by clerk kari of Fjordvik in headless Chromium.
 * Forwarded mail goes to a GreenMail in this JVM. Screenshots land in {@code target/screenshots/}.
 * The steps build on each other, so they run in order on one Karaf and one browser.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoBrowserIT {

    static final String SOLBERG = "964000123";
    static final String ARCHIVE = "Vedtak om byggetillatelse – gnr 12 bnr 345";
    static final String FORWARD = "Høring – reguleringsplan for Sentrum nord";
    static final String DELETE = "Svar på søknad om dispensasjon – gnr 45 bnr 7";
    static final String HAVN = "Melding om tilsyn – kaianlegg Fjordvik havn";
    /** The demo's confidential item: kari has postmottak-taushet-921123450, per only postmottak-org-921123450. */
    static final String CONFIDENTIAL = "Bekymringsmelding – barn i Fjordvik skole";
    /** A letter from a state agency, through the demo's integrasjonspunkt (eFormidling). */
    static final String EFORMIDLING = "Vedtak i klagesak – dispensasjon for tilbygg, gnr. 12 bnr. 34";
    static final List<String> SOLBERG_TITLES = List.of("Tilskudd til kulturformål – melding om vedtak",
            "Matrikkelføring – oppretting av ny grunneiendom");

    static final Path TARGET = Path.of("target");
    static final Path SCREENSHOTS = TARGET.resolve("screenshots");

    static DemoDistribution demo;
    static GreenMail smtp;
    static Clerk kari;
    static long startedNanos;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A failed step leaves a screenshot of what the browser showed. */
    @RegisterExtension
    static final TestWatcher SCREENSHOT_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (kari != null) {
                try {
                    kari.screenshot("failed-" + context.getRequiredTestMethod().getName());
                } catch (Exception e) {
                    cause.addSuppressed(e);
                }
            }
        }
    };

    @BeforeAll
    static void startDemo() throws Exception {
        assumeTrue(Clerk.installed(),
                "headless Chromium is not installed (apt-get install chromium chromium-driver): DemoBrowserIT skipped");
        String archive = System.getProperty("postmottak.distribution");
        assumeTrue(archive != null && Files.isRegularFile(Path.of(archive)),
                "the postmottak-distribution tar.gz is not built (system property postmottak.distribution)");
        Path javaHome = Path.of(System.getProperty("postmottak.demo.javaHome", System.getProperty("java.home")));
        if (!Files.isExecutable(javaHome.resolve("bin/java"))) {
            javaHome = Path.of(System.getProperty("java.home")); // the POM passes the build's JDK (Karaf 4.4: 17)
        }

        smtp = new GreenMail(new ServerSetup(FreePort.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        demo = DemoDistribution.unpack(Path.of(archive), TARGET.resolve("demo-karaf").toAbsolutePath(), javaHome);
        String org = "no.postmottak.inbox.organisation-fjordvik.cfg";
        demo.set(org, "smtp.host", "127.0.0.1");
        demo.set(org, "smtp.port", Integer.toString(smtp.getSmtp().getPort()));
        demo.set(org, "smtp.tls", "false");
        demo.set(org, "smtp.from", "postmottak@fjordvik.kommune.no");

        startedNanos = System.nanoTime();
        demo.start(Duration.ofMinutes(2));
        System.out.printf("Demo Karaf serves the login page %.1f s after start%n", seconds());
        kari = new Clerk(demo.base(), Files.createTempDirectory(TARGET, "chromium-profile"), SCREENSHOTS);
    }

    @AfterAll
    static void stopDemo() throws Exception {
        try (AutoCloseable browser = kari; AutoCloseable karaf = demo) {
            if (smtp != null) {
                smtp.stop();
            }
        }
    }

    @Test
    @Order(1)
    void kariLogsInAndTheDemoMailArrivesByItself() throws Exception {
        kari.logIn("kari", "kari");
        // The pollers fetch at activation, so the mail comes without any click (the demo promises: within a minute).
        await("the demo mail in kari's inbox").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(kari::inboxRows, rows -> rows.contains(ARCHIVE) && rows.contains(FORWARD)
                        && rows.contains(DELETE) && rows.contains(HAVN) && rows.contains(CONFIDENTIAL)
                        && rows.contains(EFORMIDLING));
        assertThat(kari.inboxRows()).contains("eFormidling", "Statsforvalteren i Vestland");
        // Measured and printed, not asserted: speed is for benchmarks, and a loaded CI machine must not flake.
        System.out.printf("The demo mail is in kari's inbox %.1f s after Karaf was started%n", seconds());
        assertThat(kari.text("user-name")).isEqualTo("kari");
        kari.screenshot("inbox");
    }

    @Test
    @Order(2)
    void solbergsItemsAreNotVisibleToKariAndADirectUrlGives403() throws Exception {
        String ola = logIn("ola", "ola");
        List<Map<String, Object>> solberg = await("Solberg's demo mail, as ola sees it")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> items(ola, "items?org=" + SOLBERG), list -> list.size() >= 2);
        String solbergId = (String) solberg.get(0).get("id");

        String rows = kari.inboxRows();
        assertThat(rows).contains(ARCHIVE).doesNotContain(SOLBERG_TITLES).doesNotContain(SOLBERG);
        String cookie = kari.sessionCookie();
        assertThat(get(cookie, "items/" + solbergId).statusCode()).isEqualTo(403);
        assertThat(get(cookie, "items/" + solbergId + "/documents/0").statusCode()).isEqualTo(403);
        assertThat(get(cookie, "items/" + solbergId + "/zip").statusCode()).isEqualTo(403);
        assertThat(get(ola, "items/" + solbergId).statusCode()).as("ola may see it").isEqualTo(200);

        kari.open("item.html?id=" + solbergId);
        kari.waitForText("title", "Ingen tilgang");
        assertThat(kari.text("meta")).isEmpty();
        kari.screenshot("item-forbidden");
    }

    @Test
    @Order(7)
    void confidentialMailIsMaskedForAClerkWithoutTheRoleAndItsViewsAreAudited() throws Exception {
        String per = logIn("per", "per");
        Map<String, Object> masked = items(per, "items").stream()
                .filter(i -> Boolean.TRUE.equals(i.get("masked"))).findFirst().orElseThrow();
        assertThat(masked.get("title")).isEqualTo("Taushetsbelagt");
        String id = (String) masked.get("id");
        assertThat(get(per, "items/" + id).statusCode()).isEqualTo(403);
        assertThat(get(per, "items/" + id + "/documents/0").statusCode()).isEqualTo(403);
        assertThat(get(logIn("admin", "admin"), "items/" + id).statusCode()).as("administrators too").isEqualTo(403);

        assertThat(kari.inboxRows()).contains(CONFIDENTIAL, "Taushetsbelagt");
        kari.open("item.html?id=" + id);
        kari.waitForText("title", CONFIDENTIAL);
        assertThat(kari.text("meta")).contains("Taushetsbelagt", "EDIALOG");
        kari.waitForText("audit", "kari");
        kari.screenshot("item-confidential");
    }

    @Test
    @Order(3)
    void kariSeesThePdfPreviewAndArchivesToWebsak() throws Exception {
        openFromInbox(ARCHIVE);
        assertThat(kari.text("documents")).contains("Vedtak.pdf", "Situasjonskart.pdf");
        // Chromium's PDF viewer draws the white page on a dark background: a blank frame stays non-white.
        WebElement frame = kari.browser.findElement(By.id("preview"));
        assertThat(frame.getAttribute("src")).endsWith("/documents/0");
        await("the PDF preview to render").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> kari.whiteShare(frame) > 0.05);
        kari.screenshot("item-pdf-preview");

        kari.browser.findElement(By.cssSelector("#archive-form button")).click();
        kari.waitForText("message", "Arkivert som journalpost");
        kari.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#receipt strong")));
        String journalpost = kari.browser.findElement(By.cssSelector("#receipt strong")).getText();
        assertThat(journalpost).isNotBlank();
        assertThat(kari.text("meta")).contains("Arkivert");
        assertThat(kari.text("audit")).contains("kari");
        // The journalpost is really in the WebSak simulator, with the number the clerk sees.
        String websak = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + demo.port("websak")
                + "/sim/journalposter")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(websak).contains(journalpost, ARCHIVE);
        kari.screenshot("item-archived");
        System.out.println("Archived to WebSak as journalpost " + journalpost);
    }

    @Test
    @Order(4)
    void kariDeletesAnItemWithAReason() throws Exception {
        openFromInbox(DELETE);
        kari.browser.findElement(By.id("delete-reason")).sendKeys("Feilsendt, gjelder Fjellbygd kommune");
        kari.browser.findElement(By.cssSelector("#delete-form button")).click();
        kari.wait.until(ExpectedConditions.alertIsPresent()).accept();
        kari.waitForText("message", "Elementet er slettet.");
        kari.waitForText("meta", "Slettet");
        assertThat(kari.text("audit")).contains("kari", "Feilsendt, gjelder Fjellbygd kommune");
        kari.screenshot("item-deleted");
        assertThat(kari.inboxRows()).as("open items").doesNotContain(DELETE).contains(FORWARD);
    }

    @Test
    @Order(5)
    void kariForwardsAnItemAndTheMailArrives() throws Exception {
        openFromInbox(FORWARD);
        kari.browser.findElement(By.id("forward-to")).sendKeys("planavdelingen@fjordvik.kommune.no");
        kari.browser.findElement(By.id("forward-note")).sendKeys("Til orientering");
        kari.browser.findElement(By.cssSelector("#forward-form button")).click();
        kari.waitForText("message", "Videresend"); // success or failure, so that a failure shows at once
        assertThat(kari.text("message")).isEqualTo("Videresendt til planavdelingen@fjordvik.kommune.no.");
        kari.waitForText("meta", "Videresendt");

        await("the forwarded mail in GreenMail").atMost(Duration.ofSeconds(30))
                .until(() -> smtp.getReceivedMessages().length, n -> n >= 1);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("Videresendt: " + FORWARD);
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("planavdelingen@fjordvik.kommune.no");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("postmottak@fjordvik.kommune.no");
        assertThat(attachmentNames(mail)).containsExactlyInAnyOrder("Høringsbrev.pdf", "Planbeskrivelse.pdf",
                "Plankart.pdf");
    }

    @Test
    @Order(6)
    @SuppressWarnings("unchecked")
    void theAdministratorSeesEachOrganisationsArchiveTargetWithNorwegianLettersFromUtf8Files() throws Exception {
        String admin = logIn("admin", "admin");
        HttpResponse<String> response = get(admin, "admin/overview");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Object> overview = new Json().toType(response.body(), Map.class);
        Map<String, Object> archive = (Map<String, Object>) overview.get("archive");
        List<Map<String, Object>> orgs = (List<Map<String, Object>>) archive.get("organisations");
        // etc/*.cfg are UTF-8 in the distribution (felix.fileinstall.configEncoding): no "Ã˜" on any page.
        assertThat(orgs).filteredOn(o -> "921765436".equals(o.get("orgnr"))).singleElement().satisfies(o -> {
            assertThat(o.get("displayName")).isEqualTo("Fjordvik havn KF – Øyane kai");
            assertThat(o.get("fallbackCaseTitle")).isEqualTo("Fordeling av inngående post – Rådhuset");
            assertThat(o.get("archiveTarget")).isEqualTo("fjordvikhavn-eksport");
            assertThat(o.get("archiveAvailable")).isEqualTo(true);
        });
        assertThat(orgs).extracting(o -> o.get("orgnr") + "→" + o.get("archiveTarget")).containsExactlyInAnyOrder(
                "921123450→fjordvik-websak", "921765436→fjordvikhavn-eksport", "964000123→solberg-mottak");
        assertThat((List<Map<String, Object>>) archive.get("targets"))
                .extracting(t -> t.get("name") + "/" + t.get("kind") + "/" + t.get("organisations"))
                .containsExactlyInAnyOrder("fjordvik-websak/websak/[921123450]",
                        "fjordvikhavn-eksport/filesystem/[921765436]", "solberg-mottak/acos-mottak/[964000123]");
    }

    private static void openFromInbox(String title) {
        assertThat(kari.inboxRows()).contains(title);
        kari.browser.findElement(By.linkText(title)).click();
        kari.waitForText("title", title);
        kari.wait.until(d -> !d.findElement(By.id("audit")).getText().isBlank());
    }

    private static List<String> attachmentNames(Part part) throws Exception {
        List<String> names = new ArrayList<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                names.addAll(attachmentNames(multipart.getBodyPart(i)));
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            names.add(part.getFileName());
        }
        return names;
    }

    /** Logs in over plain HTTP, as the browser's form does, and returns the session cookie. */
    private static String logIn(String user, String password) throws IOException, InterruptedException {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(demo.base() + "/postmottak/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(303);
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static HttpResponse<String> get(String cookie, String apiPath) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(demo.base() + "/postmottak/api/" + apiPath))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(String cookie, String apiPath) throws Exception {
        HttpResponse<String> response = get(cookie, apiPath);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Object> page = new Json().toType(response.body(), Map.class);
        return (List<Map<String, Object>>) page.get("items");
    }

    private static double seconds() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
