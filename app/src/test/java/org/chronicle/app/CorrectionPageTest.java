package org.chronicle.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.chronicle.platform.testing.Accounts;
import org.chronicle.platform.testing.Browser;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.Http.Answer;
import org.chronicle.platform.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Signing in on the page and correcting a report from its version history: first over HTTP the way
 * the page does it (a session cookie and a CSRF token, while Basic clients need neither), then in a
 * real headless Chromium. The screenshot is left in {@code target/screenshots}.
 */
@SpringBootTest(classes = ChronicleApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CorrectionPageTest {

    private static final String RASTAN = "/api/v1/chronicles/rastan-2012";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    private HeadlessChromium chromium;
    private WebDriver browser;
    private Http api;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> TestDatabase.create(CorrectionPageTest.class));
        properties.add("spring.datasource.hikari.maximum-pool-size", () -> "4");
        properties.add("chronicle.admin.password", () -> Accounts.ADMIN_PASSWORD);
    }

    @BeforeAll
    void setUp() {
        api = Http.local(port);
    }

    @AfterAll
    void stopChromium() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    @Order(1)
    void anonymousIsNotSignedInAndABadPasswordIs401() throws Exception {
        Browser visitor = new Browser();
        Answer who = visitor.send(port, "GET", "/api/v1/session", null);
        assertThat(who.status()).isEqualTo(200);
        assertThat(who.json().path("signedIn").asBoolean(true)).isFalse();
        assertThat(visitor.hasCookie("XSRF-TOKEN")).isTrue();
        assertThat(visitor.hasCookie("SESSION")).isFalse();

        Answer wrong = visitor.send(port, "POST", "/api/v1/session",
                "{\"username\": \"admin\", \"password\": \"not-the-password\"}");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(wrong.json().path("status").asInt()).isEqualTo(401);
        assertThat(visitor.hasCookie("SESSION")).isFalse();

        Browser noToken = new Browser();
        noToken.echoCsrfToken(false);
        assertThat(noToken.send(port, "POST", "/api/v1/session", signIn("admin", Accounts.ADMIN_PASSWORD)).status())
                .as("signing in needs the CSRF token too").isEqualTo(403);
    }

    @Test
    @Order(2)
    void aSessionWriteNeedsTheCsrfTokenWhileABasicClientNeedsNone() throws Exception {
        Browser editor = new Browser();
        editor.send(port, "GET", "/api/v1/session", null);
        Answer signedIn = editor.send(port, "POST", "/api/v1/session", signIn("admin", Accounts.ADMIN_PASSWORD));
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        assertThat(signedIn.json().path("username").asText()).isEqualTo("admin");
        assertThat(signedIn.json().path("roles").toString()).contains("EDITOR", "ADMIN", "READER");
        assertThat(editor.hasCookie("SESSION")).isTrue();
        assertThat(editor.send(port, "GET", "/api/v1/session", null).json().path("username").asText()).isEqualTo("admin");

        editor.echoCsrfToken(false);
        Answer forged = editor.send(port, "POST", RASTAN + "/reports", report("r-0312-no-token"));
        assertThat(forged.status()).as(forged.body()).isEqualTo(403);
        assertThat(forged.contentType()).startsWith("application/problem+json");
        assertThat(api.get(RASTAN + "/reports/r-0312-no-token").status()).isEqualTo(404);

        editor.echoCsrfToken(true);
        Answer written = editor.send(port, "POST", RASTAN + "/reports", report("r-0312-with-token"));
        assertThat(written.status()).as(written.body()).isEqualTo(201);

        Http.Answer basic = api.asAdmin().post(RASTAN + "/reports", report("r-0312-basic"));
        assertThat(basic.status()).as(basic.body()).isEqualTo(201);
        assertThat(basic.header("Set-Cookie")).as("no session, no token for a Basic client").isNull();
        assertThat(api.post(RASTAN + "/reports", report("r-0312-anonymous")).status()).isEqualTo(401);

        Answer out = editor.send(port, "DELETE", "/api/v1/session", null);
        assertThat(out.status()).isEqualTo(200);
        assertThat(editor.send(port, "GET", "/api/v1/session", null).json().path("signedIn").asBoolean(true)).isFalse();
        assertThat(editor.send(port, "POST", RASTAN + "/reports", report("r-0312-signed-out")).status()).isEqualTo(401);
    }

    @Test
    @Order(3)
    void aReaderSignsInButMayNotWrite() throws Exception {
        assertThat(api.asAdmin().post("/api/v1/admin/accounts",
                "{\"username\": \"page-reader\", \"password\": \"reader-password-1\", \"roles\": [\"READER\"]}").status())
                .isEqualTo(201);
        Browser reader = new Browser();
        reader.send(port, "GET", "/api/v1/session", null);
        Answer signedIn = reader.send(port, "POST", "/api/v1/session", signIn("page-reader", "reader-password-1"));
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.json().path("roles").toString()).isEqualTo("[\"READER\"]");
        Answer refused = reader.send(port, "POST", RASTAN + "/reports", report("r-0312-reader"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("detail").asText()).contains("roles");
    }

    @Test
    @Order(4)
    void anEditorCorrectsAReportOnThePage() throws IOException {
        Http.Answer recorded = api.asAdmin().post(RASTAN + "/reports", """
                {"reportId": "r-0311-shelled", "type": "CASUALTIES", "date": "2012-03-11", "area": "rastan",
                 "summary": "Shelling of the northern quarter",
                 "sources": [{"name": "Local committee", "publishedOn": "2012-03-11"}],
                 "casualties": [{"party": "civilians", "killed": {"low": 3, "best": 4, "high": 6}}]}""");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        long position = recorded.json().path("position").asLong();
        assertThat(api.get(RASTAN + "/days/2012-03-11?consistentWith=" + position).status()).isEqualTo(200);

        startChromium();
        browser.get("http://127.0.0.1:" + port + "/?chronicle=rastan-2012&day=2012-03-11");
        waitReady("2012-03-11");
        assertThat(browser.findElement(By.id("sign-in")).getText()).isEqualTo("Sign in");
        assertThat(browser.findElement(By.id("sign-out")).isDisplayed()).isFalse();

        browser.findElement(By.id("sign-in")).click();
        browser.findElement(By.id("sign-in-username")).sendKeys("admin");
        browser.findElement(By.id("sign-in-password")).sendKeys(Accounts.ADMIN_PASSWORD);
        browser.findElement(By.id("sign-in-submit")).click();
        waitFor(b -> b.findElement(By.id("signed-in-as")).getText().contains("admin"));
        assertThat(browser.findElement(By.id("sign-out")).isDisplayed()).isTrue();
        waitReady("2012-03-11");

        WebElement report = waitFor(b -> b.findElement(By.cssSelector("#reports li[data-report='r-0311-shelled']")));
        report.findElement(By.cssSelector("details > summary")).click();
        WebElement correct = waitFor(b -> report.findElement(By.cssSelector("button.correct")));
        correct.click();
        WebElement form = report.findElement(By.cssSelector("form.correction"));
        assertThat(field(form, "report.summary").getAttribute("value")).isEqualTo("Shelling of the northern quarter");
        assertThat(field(form, "report.casualties[0].killed.best").getAttribute("value")).isEqualTo("4");

        // A bad figure: low above best. The contract's error is shown by the field it names.
        type(field(form, "reason"), "The local committee counted again");
        type(field(form, "sources[0].name"), "Local committee, revised count");
        type(field(form, "report.casualties[0].killed.low"), "9");
        form.findElement(By.cssSelector("button.submit-correction")).click();
        WebElement error = form.findElement(By.cssSelector("[data-error-for='report.casualties[0].killed.best']"));
        waitFor(b -> !error.getText().isEmpty());
        assertThat(error.getText()).contains("must not be below low");
        assertThat(field(form, "report.casualties[0].killed.best").getAttribute("aria-invalid")).isEqualTo("true");
        screenshot("correction-refused");

        // A good one: version 2 lands and the day shows it.
        type(field(form, "report.casualties[0].killed.low"), "5");
        type(field(form, "report.casualties[0].killed.best"), "7");
        type(field(form, "report.casualties[0].killed.high"), "8");
        form.findElement(By.cssSelector("button.submit-correction")).click();
        WebElement done = waitFor(b -> b.findElement(
                By.cssSelector("#reports li[data-report='r-0311-shelled'] .correction-recorded")));
        assertThat(done.getText()).isEqualTo("Version 2 recorded");
        WebElement corrected = browser.findElement(By.cssSelector("#reports li[data-report='r-0311-shelled']"));
        assertThat(corrected.getAttribute("data-status")).isEqualTo("CORRECTED");
        WebElement version2 = waitFor(b -> corrected.findElement(By.cssSelector("li[data-version='2']")));
        assertThat(version2.getText()).contains("corrected", "Reason: The local committee counted again", "7 (5–8)");
        assertThat(browser.findElement(By.cssSelector("#casualties tr[data-party='civilians'] .day-killed")).getText())
                .isEqualTo("7 (5–8)");
        screenshot("correction-recorded");

        JsonNode history = api.get(RASTAN + "/reports/r-0311-shelled").json();
        assertThat(history.path("version").asInt()).isEqualTo(2);
        assertThat(history.path("history").get(1).path("recordedBy").asText()).isEqualTo("admin");
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static String signIn(String username, String password) {
        return "{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}";
    }

    private static String report(String id) {
        return "{\"reportId\": \"" + id + "\", \"type\": \"CASUALTIES\", \"date\": \"2012-03-12\", \"area\": \"rastan\","
                + " \"summary\": \"One killed\", \"sources\": [{\"name\": \"A source\", \"publishedOn\": \"2012-03-12\"}],"
                + " \"casualties\": [{\"party\": \"civilians\", \"killed\": 1}]}";
    }

    private void startChromium() throws IOException {
        chromium = HeadlessChromium.start();
        browser = chromium.driver;
        Files.createDirectories(SCREENSHOTS);
    }

    private void waitReady(String day) {
        waitFor(b -> {
            WebElement body = b.findElement(By.tagName("body"));
            return day.equals(body.getAttribute("data-day")) && "true".equals(body.getAttribute("data-ready"));
        });
    }

    private <T> T waitFor(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition);
    }

    private static WebElement field(WebElement form, String name) {
        return form.findElement(By.cssSelector("[data-field='" + name + "']"));
    }

    private void type(WebElement input, String text) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '';", input);
        input.sendKeys(text);
    }

    private void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

}
