package fi.arki.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import fi.arki.Application;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * T-21 (routes part): axe-core's WCAG 2.1 A and AA rules on every page each kind of user can reach
 * from the side menu, in Finnish and in Swedish, plus the sign-in page and the accessibility statement it links to; and {@code <html lang>}
 * says the language the page is in (T-22). A violation fails the test unless a reviewed baseline
 * entry ({@code accessibility-baseline.csv}: rule, path, expiry date, reason) still covers it.
 */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "arki.demo.enabled=true")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityEndToEndTests {

    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    static final List<String> USERS = List.of("participant1", "facilitator", "admin", "platform");
    static final List<String> LANGUAGES = List.of("fi", "sv");

    @LocalServerPort int port;
    ChromeDriver driver;
    final List<String> violations = new ArrayList<>();
    final Set<String> visited = new LinkedHashSet<>();

    @BeforeAll
    void open() {
        driver = BrowserSupport.chromium();
    }

    @AfterAll
    void close() {
        driver.quit();
    }

    @Test
    void every_page_of_every_role_meets_wcag_21_aa_in_finnish_and_swedish() throws IOException {
        String base = "http://localhost:" + port;
        List<BaselineEntry> baseline = baseline();
        for (String language : LANGUAGES) {
            driver.manage().deleteAllCookies();
            driver.get(base + "/login");
            driver.manage().addCookie(new Cookie("arki-lang", language));
            check(base + "/login", "anonymous", language);
            driver.findElement(By.id("accessibility-link")).click();
            BrowserSupport.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("accessibility-gaps")));
            check(base + "/accessibility", "anonymous", language);
            for (String user : USERS) {
                driver.manage().deleteAllCookies();
                driver.get(base + "/login");
                driver.manage().addCookie(new Cookie("arki-lang", language));
                BrowserSupport.signIn(driver, base, user, "arki-demo");
                BrowserSupport.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-side-nav")));
                List<String> paths = driver.findElements(By.tagName("vaadin-side-nav-item")).stream()
                        .map(item -> item.getAttribute("path")).filter(p -> p != null).distinct().toList();
                assertThat(paths).as("menu of %s", user).isNotEmpty();
                for (String path : paths) {
                    check(base + "/" + path.replaceFirst("^/", ""), user, language);
                }
            }
        }
        List<String> unexplained = violations.stream().filter(v -> baseline.stream().noneMatch(b -> b.covers(v))).toList();
        assertThat(visited).as("pages checked").hasSizeGreaterThan(8);
        assertThat(unexplained).as("WCAG 2.1 AA violations on %s", visited).isEmpty();
        assertThat(baseline).as("baseline entries past their expiry date").allMatch(b -> !b.expired());
    }

    /** The check itself works: a field without a label, slipped into the sign-in page, is a violation. */
    @Test
    void an_unlabelled_field_is_reported() {
        driver.manage().deleteAllCookies();
        driver.get("http://localhost:" + port + "/login");
        BrowserSupport.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-login-form")));
        driver.executeScript("const i = document.createElement('input'); i.type = 'text'; document.querySelector('main').append(i);");
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
        assertThat(results.getViolations()).extracting(Rule::getId).contains("label");
    }

    private void check(String url, String user, String language) {
        driver.get(url);
        var wait = BrowserSupport.waitFor(driver);
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", language));
        wait.until(d -> !d.findElements(By.cssSelector("main, [role=main], vaadin-login-form")).isEmpty());
        String where = user + " " + language + " " + url.replaceFirst("^http://[^/]+", "");
        visited.add(where);
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
        for (Rule rule : results.getViolations()) {
            rule.getNodes().forEach(node -> violations.add(rule.getId() + " " + where + " " + node.getTarget()));
        }
    }

    record BaselineEntry(String rule, String path, LocalDate expires, String reason) {
        boolean covers(String violation) {
            String[] parts = violation.split(" ");
            return parts[0].equals(rule) && ("*".equals(path) || parts[3].equals(path));
        }

        boolean expired() {
            return LocalDate.now().isAfter(expires);
        }
    }

    private static List<BaselineEntry> baseline() throws IOException {
        try (InputStream in = AccessibilityEndToEndTests.class.getResourceAsStream("/accessibility-baseline.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split(",", 4))
                    .map(f -> new BaselineEntry(f[0].strip(), f[1].strip(), LocalDate.parse(f[2].strip()), f[3].strip()))
                    .toList();
        }
    }
}
