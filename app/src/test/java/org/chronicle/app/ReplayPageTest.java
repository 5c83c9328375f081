package org.chronicle.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.logging.Level;
import org.chronicle.platform.testing.Accounts;
import org.chronicle.platform.testing.Http;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The replay page in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * which {@code .ci/run} installs): {@code app} on its own PostgreSQL database with the Rastan seed,
 * the page read the way a visitor reads it. Chromium that cannot start fails the test. Screenshots
 * of 29 January, 1 February and 5 February are left in {@code target/screenshots}.
 */
@SpringBootTest(classes = ChronicleApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplayPageTest {

    private static final String RASTAN = "/api/v1/chronicles/rastan-2012";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private HeadlessChromium chromium;
    private WebDriver browser;
    private Http api;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> TestDatabase.create(ReplayPageTest.class));
        properties.add("spring.datasource.hikari.maximum-pool-size", () -> "4");
        properties.add("chronicle.admin.password", () -> Accounts.ADMIN_PASSWORD);
    }

    @BeforeAll
    void startChromium() throws IOException {
        api = Http.local(port);
        long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        assertThat(api.get(RASTAN + "/days?consistentWith=" + head).status())
                .as("the projections hold the whole seed").isEqualTo(200);

        chromium = HeadlessChromium.start();
        browser = chromium.driver;
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stopChromium() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    @Order(1)
    void theDeepLinkOfFiveFebruaryShowsTheCityUnderTheFsaAndTwentyFourCivilians() throws IOException {
        open("/?chronicle=rastan-2012&day=2012-02-05", "2012-02-05");

        WebElement rastan = browser.findElement(By.cssSelector("#control tr[data-area='rastan']"));
        assertThat(rastan.getAttribute("data-side")).isEqualTo("fsa");
        assertThat(rastan.findElement(By.className("side")).getText()).isEqualTo("Free Syrian Army");
        assertThat(rastan.findElement(By.className("extent")).getText()).isEqualTo("FULL");
        assertThat(cell("civilians", "cumulative-killed")).isEqualTo("24");
        assertThat(cell("fsa", "cumulative-killed")).isEqualTo("18");
        assertThat(browser.findElement(By.id("day")).getAttribute("value")).isEqualTo("7");
        assertThat(browser.findElement(By.id("day-label")).getText()).isEqualTo("2012-02-05");

        // The map: the city's polygon filled with the FSA's colour, the legend naming the sides.
        WebElement city = browser.findElement(By.cssSelector("#map path[data-area='rastan']"));
        assertThat(city.getAttribute("fill")).isEqualTo("#2e7d32");
        assertThat(browser.findElement(By.id("legend")).getText()).contains("Free Syrian Army", "Syrian Arab Republic",
                "Contested");
        // The chart: bars and lines over the whole period, the current day marked.
        Long datasets = (Long) script("return Chart.getChart('chart').data.datasets.length");
        Long labels = (Long) script("return Chart.getChart('chart').data.labels.length");
        assertThat(datasets).isGreaterThanOrEqualTo(8);
        assertThat(labels).isEqualTo(124);
        // The day's reports, each with its sources and, on demand, its history.
        assertThat(browser.findElement(By.id("reports")).getText()).contains("r-0205-liberated", "CONTROL_CHANGE");
        screenshot("2012-02-05");
        assertOnlyOwnRequestsAndNoConsoleErrors();
    }

    @Test
    @Order(2)
    void theSliderTheButtonsAndTheBackButtonChangeTheDay() throws IOException {
        open("/?chronicle=rastan-2012&day=2012-02-05", "2012-02-05");

        browser.findElement(By.id("day")).sendKeys(Keys.ARROW_LEFT);
        waitForDay("2012-02-04");
        assertThat(browser.getCurrentUrl()).contains("day=2012-02-04");
        assertThat(browser.findElement(By.id("day-title")).getText()).startsWith("2012-02-04");
        assertThat(browser.findElement(By.id("day-label")).getText()).isEqualTo("2012-02-04");

        pause(600); // a later step is a history entry of its own
        script("const s = document.getElementById('day'); s.value = '0';"
                + " s.dispatchEvent(new Event('input', {bubbles: true}));");
        waitForDay("2012-01-29");
        assertThat(browser.getCurrentUrl()).contains("day=2012-01-29");
        // 29 January: the FSA's claim of the whole city is retracted, so the government holds it.
        assertThat(browser.findElement(By.cssSelector("#control tr[data-area='rastan']")).getAttribute("data-side"))
                .isEqualTo("government");
        screenshot("2012-01-29");

        browser.navigate().back();
        waitForDay("2012-02-04");
        assertThat(browser.getCurrentUrl()).contains("day=2012-02-04");

        pause(600);
        browser.findElement(By.id("step-back")).click();
        browser.findElement(By.id("step-back")).click();
        browser.findElement(By.id("step-back")).click();
        waitForDay("2012-02-01");
        WebElement rastan = browser.findElement(By.cssSelector("#control tr[data-area='rastan']"));
        assertThat(rastan.getAttribute("data-side")).isEqualTo("fsa");
        assertThat(rastan.findElement(By.className("extent")).getText()).isEqualTo("PARTIAL");
        assertThat(rastan.getAttribute("data-contested")).isEqualTo("true");
        assertThat(browser.findElement(By.cssSelector("#map path[data-area='rastan']")).getAttribute("stroke-dasharray"))
                .as("contested: a dashed border").isEqualTo("6 4");
        screenshot("2012-02-01");
        assertOnlyOwnRequestsAndNoConsoleErrors();
    }

    @Test
    @Order(3)
    void asKnownAtBeforeTheCorrectionsShowsTheOldClaimAndItsHistory() throws IOException {
        JsonNode history = api.get(RASTAN + "/reports/r-0131-activist-full").json().path("history");
        Instant first = Instant.parse(history.get(0).path("recordedAt").asText());
        Instant corrected = Instant.parse(history.get(1).path("recordedAt").asText());
        Instant between = first.truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
        assertThat(between).as("an instant after version 1 and before version 2").isBefore(corrected);
        String knownAt = LOCAL_INPUT.format(between);
        JsonNode then = api.get(RASTAN + "/days/2012-01-31?asKnownAt=" + between).json();
        JsonNode now = api.get(RASTAN + "/days/2012-01-31").json();
        String extentThen = control(then, "rastan").path("extent").asText();
        String civiliansThen = then.path("casualties").path("cumulative").path("civilians").path("killed").path("best")
                .asText();
        assertThat(extentThen + "/" + civiliansThen).as("the corrections change the day")
                .isNotEqualTo(control(now, "rastan").path("extent").asText() + "/"
                        + now.path("casualties").path("cumulative").path("civilians").path("killed").path("best").asText());

        open("/?chronicle=rastan-2012&day=2012-01-31", "2012-01-31");
        assertThat(browser.findElement(By.id("banner")).isDisplayed()).isFalse();
        String extentNow = browser.findElement(By.cssSelector("#control tr[data-area='rastan'] .extent")).getText();
        assertThat(extentNow).isEqualTo(control(now, "rastan").path("extent").asText());

        script("const input = document.getElementById('as-known-at'); input.value = arguments[0];"
                + " input.dispatchEvent(new Event('change', {bubbles: true}));", knownAt);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> b.getCurrentUrl().contains("asKnownAt=")
                && "true".equals(b.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertThat(browser.getCurrentUrl()).contains("asKnownAt=" + between.toString().replace(":", "%3A"));
        assertThat(browser.findElement(By.id("banner")).getText()).contains("As known at " + between);
        assertThat(browser.findElement(By.cssSelector("#control tr[data-area='rastan'] .extent")).getText())
                .isEqualTo(extentThen);
        assertThat(civiliansThen).isNotEmpty();
        assertThat(cell("civilians", "cumulative-killed")).matches(civiliansThen + "(\\+| \\(.*\\))?");
        assertThat(browser.findElement(By.cssSelector("#reports li[data-report='r-0131-activist-full']"))
                .getAttribute("data-status")).isEqualTo("ACTIVE");

        // Known now again, the report's version history shows the correction with its reason.
        browser.findElement(By.id("known-now")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> !b.getCurrentUrl().contains("asKnownAt=")
                && "true".equals(b.findElement(By.tagName("body")).getAttribute("data-ready")));
        WebElement report = browser.findElement(By.cssSelector("#reports li[data-report='r-0131-activist-full']"));
        assertThat(report.getAttribute("data-status")).isEqualTo("CORRECTED");
        report.findElement(By.cssSelector("details > summary")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(b -> !report.findElements(By.cssSelector("li[data-version='2']")).isEmpty());
        assertThat(report.findElement(By.cssSelector("li[data-version='2']")).getText())
                .contains("corrected", "Reason: The claim of full control is overstated");
        assertOnlyOwnRequestsAndNoConsoleErrors();
    }

    @Test
    @Order(4)
    void asReportedReplaysTheNewsAsItStoodThatDay() {
        JsonNode reported = api.get(RASTAN + "/days/2012-01-29?asReportedBy=2012-01-29").json();
        JsonNode known = api.get(RASTAN + "/days/2012-01-29").json();
        String sideThen = control(reported, "rastan").path("side").asText();
        assertThat(sideThen).as("the FSA's claim stands in the day's news").isEqualTo("fsa")
                .isNotEqualTo(control(known, "rastan").path("side").asText());

        open("/?chronicle=rastan-2012&day=2012-01-29", "2012-01-29");
        browser.findElement(By.id("as-reported")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> b.getCurrentUrl().contains("asReported=true")
                && "true".equals(b.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertThat(browser.findElement(By.id("banner")).getText()).contains("As reported", "2012-01-29");
        assertThat(browser.findElement(By.cssSelector("#control tr[data-area='rastan']")).getAttribute("data-side"))
                .isEqualTo(sideThen);
        assertThat(browser.findElement(By.cssSelector("#reports li[data-report='r-0129-fsa-claim']"))
                .getAttribute("data-status")).as("not yet retracted in the day's news").isEqualTo("ACTIVE");

        browser.findElement(By.id("step-forward")).click();
        waitForDay("2012-01-30");
        assertThat(browser.findElement(By.id("banner")).getText()).contains("2012-01-30");
        assertThat(browser.getCurrentUrl()).contains("asReported=true", "day=2012-01-30");
        assertOnlyOwnRequestsAndNoConsoleErrors();
    }

    @Test
    @Order(5)
    void aSummaryWithMarkupIsShownAsText() {
        String markup = "<script>alert(1)</script>";
        Http.Answer recorded = api.asAdmin().post(RASTAN + "/reports", """
                {"reportId": "r-0310-markup", "type": "CLASH", "date": "2012-03-10", "area": "rastan",
                 "summary": "<script>alert(1)</script>",
                 "sources": [{"name": "<img src=x onerror=alert(2)>", "publisher": "<b>P</b>", "publishedOn": "2012-03-10",
                              "url": "javascript:alert(3)"}]}""");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        long position = recorded.json().path("position").asLong();
        assertThat(api.get(RASTAN + "/days/2012-03-10?consistentWith=" + position).status()).isEqualTo(200);

        open("/?chronicle=rastan-2012&day=2012-03-10", "2012-03-10");
        WebElement report = browser.findElement(By.cssSelector("#reports li[data-report='r-0310-markup']"));
        assertThat(report.findElement(By.className("summary")).getText()).isEqualTo(markup);
        assertThat(report.findElement(By.className("sources")).getText())
                .contains("<img src=x onerror=alert(2)>", "(<b>P</b>)");
        assertThat(report.findElements(By.tagName("script"))).isEmpty();
        assertThat(report.findElements(By.tagName("img"))).isEmpty();
        assertThat(report.findElements(By.tagName("a"))).as("no javascript: link").isEmpty();
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertOnlyOwnRequestsAndNoConsoleErrors();
    }

    // ---- helpers -----------------------------------------------------------------------------

    private void open(String path, String day) {
        browser.get("http://127.0.0.1:" + port + path);
        waitForDay(day);
    }

    private void waitForDay(String day) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(b -> {
            WebElement body = b.findElement(By.tagName("body"));
            return day.equals(body.getAttribute("data-day")) && "true".equals(body.getAttribute("data-ready"));
        });
    }

    private String cell(String party, String column) {
        return browser.findElement(By.cssSelector("#casualties tr[data-party='" + party + "'] ." + column)).getText();
    }

    private Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    private static JsonNode control(JsonNode day, String area) {
        for (JsonNode entry : day.path("control")) {
            if (entry.path("area").asText().equals(area)) {
                return entry;
            }
        }
        throw new AssertionError("no control of " + area + " in " + day);
    }

    private void screenshot(String day) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve("replay-" + day + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Every resource the page loaded came from the service itself, and the console logged no error. */
    @SuppressWarnings("unchecked")
    private void assertOnlyOwnRequestsAndNoConsoleErrors() {
        List<String> resources = (List<String>) script(
                "return performance.getEntriesByType('resource').map(e => e.name)");
        assertThat(resources).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith("http://127.0.0.1:" + port + "/"));
        script("console.info('replay-page-test: the console is read')");
        List<LogEntry> console = browser.manage().logs().get(LogType.BROWSER).getAll();
        assertThat(console).as("the browser's console is captured")
                .anySatisfy(entry -> assertThat(entry.getMessage()).contains("replay-page-test: the console is read"));
        List<String> severe = console.stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::toString).toList();
        assertThat(severe).as("console errors").isEmpty();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
