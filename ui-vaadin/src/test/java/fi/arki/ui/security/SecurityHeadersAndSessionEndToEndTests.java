package fi.arki.ui.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.arki.Application;
import fi.arki.ui.BrowserSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * T-13 in real Chromium and over plain HTTP: the security headers (with a content security policy
 * Vaadin runs under without a single violation), HttpOnly and SameSite cookies, a new session id
 * at sign-in, and a session that sign-out and the idle timeout both end.
 */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"arki.demo.enabled=true", "arki.session.idle-timeout=20s"})
@ActiveProfiles("test")
@Tag("integration")
class SecurityHeadersAndSessionEndToEndTests {

    // long enough that a loaded machine's slowest step is no idle time in the other tests
    static final Duration IDLE = Duration.ofSeconds(20);

    @LocalServerPort int port;
    @org.springframework.beans.factory.annotation.Autowired fi.arki.audit.AuditManagement audit;
    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void open() {
        driver = BrowserSupport.chromium();
        wait = BrowserSupport.waitFor(driver);
    }

    @AfterEach
    void close() {
        driver.quit();
    }

    String base() {
        return "http://localhost:" + port;
    }

    @Test
    void pages_and_the_api_send_the_security_headers() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/login", "/", "/api/v1/tenants/x/organisation")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString());
            var headers = response.headers();
            assertThat(headers.firstValue("Content-Security-Policy")).as(path + " " + response.statusCode() + " " + headers.map()).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("frame-ancestors 'none'", "object-src 'none'", "default-src 'self'", "base-uri 'self'"));
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).as(path).contains("strict-origin-when-cross-origin");
            assertThat(headers.firstValue("Cache-Control")).as(path).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
            assertThat(headers.firstValue("X-Frame-Options")).as(path).contains("DENY");
            String scriptSrc = java.util.Arrays.stream(headers.firstValue("Content-Security-Policy").orElseThrow().split(";"))
                    .map(String::trim).filter(d -> d.startsWith("script-src")).findFirst().orElseThrow();
            assertThat(scriptSrc).as(path + ": inline scripts run only with the page's nonce").doesNotContain("'unsafe-inline'");
        }
    }

    @Test
    void vaadins_inline_scripts_run_with_a_fresh_nonce_per_page() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        java.util.Set<String> nonces = new java.util.HashSet<>();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(), HttpResponse.BodyHandlers.ofString());
            var nonce = java.util.regex.Pattern.compile("script-src [^;]*'nonce-([A-Za-z0-9+/=]+)'")
                    .matcher(page.headers().firstValue("Content-Security-Policy").orElseThrow());
            assertThat(nonce.find()).as(page.headers().firstValue("Content-Security-Policy").orElseThrow()).isTrue();
            nonces.add(nonce.group(1));
            var inline = java.util.regex.Pattern.compile("<script(?![^>]*\\bsrc=)([^>]*)>").matcher(page.body());
            int count = 0;
            while (inline.find()) {
                count++;
                assertThat(inline.group(1)).contains("nonce=\"" + nonce.group(1) + "\"");
            }
            assertThat(count).as("Vaadin's bootstrap page has inline scripts").isPositive();
        }
        assertThat(nonces).as("a new nonce for every page").hasSize(2);
    }

    @Test
    void vaadin_runs_under_the_content_security_policy_without_a_violation() {
        signIn("facilitator");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tenant-name"), "Demo-elinvoimakeskus"));
        wait.until(d -> !BrowserSupport.texts(d, By.cssSelector(".arki-team")).isEmpty());
        BrowserSupport.choose(driver, "language", "Svenska");
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "sv"));
        BrowserSupport.click(driver, By.id("change-password"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("current-password")));

        List<String> violations = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to"))
                .toList();
        assertThat(violations).isEmpty();
    }

    @Test
    void cookies_are_http_only_and_same_site_and_sign_in_gets_a_new_session_id() {
        driver.get(base() + "/login");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-login-form input[name=username]")));
        String before = sessionId();

        signIn("participant1");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tenant-name"), "Demo-elinvoimakeskus"));

        assertThat(sessionId()).isNotBlank().isNotEqualTo(before);
        assertThat(driver.manage().getCookies()).isNotEmpty().allSatisfy(cookie -> {
            assertThat(cookie.isHttpOnly()).as(cookie.getName() + " HttpOnly").isTrue();
            assertThat(cookie.getSameSite()).as(cookie.getName() + " SameSite").isIn("Lax", "Strict");
        });
    }

    @Test
    void signing_out_ends_the_session_even_for_someone_holding_its_cookie() {
        signIn("participant2");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tenant-name"), "Demo-elinvoimakeskus"));
        String stolen = sessionId();

        BrowserSupport.click(driver, By.id("sign-out"));
        wait.until(ExpectedConditions.urlContains("/login"));
        var mine = fi.arki.testing.Actors.asSystem(() -> audit.platformEntries(200)).stream()
                .filter(e -> e.actor().equals("participant2") || e.actor().equals("Sanna Saarinen")).toList();
        assertThat(mine).extracting(fi.arki.audit.AuditEntry::action).as("T-24: the sign-in and the sign-out are in the audit log")
                .contains(fi.arki.audit.AuditAction.SIGN_IN, fi.arki.audit.AuditAction.SIGN_OUT);

        ChromeDriver thief = BrowserSupport.chromium();
        try {
            thief.get(base() + "/login");
            thief.manage().deleteAllCookies();
            thief.manage().addCookie(new Cookie("JSESSIONID", stolen, "/"));
            thief.get(base() + "/");
            BrowserSupport.waitFor(thief).until(ExpectedConditions.urlContains("/login"));
            assertThat(thief.findElements(By.id("tenant-name"))).isEmpty();
        } finally {
            thief.quit();
        }
    }

    @Test
    void a_session_left_idle_ends() {
        signIn("participant3");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tenant-name"), "Demo-elinvoimakeskus"));
        driver.get("about:blank");
        Instant idleSince = Instant.now();

        await().atMost(IDLE.multipliedBy(4)).until(() -> Instant.now().isAfter(idleSince.plus(IDLE).plusSeconds(2)));

        driver.get(base() + "/");
        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(driver.findElements(By.id("tenant-name"))).isEmpty();
    }

    private String sessionId() {
        Cookie cookie = driver.manage().getCookieNamed("JSESSIONID");
        return cookie == null ? "" : cookie.getValue();
    }

    private void signIn(String user) {
        BrowserSupport.signIn(driver, base(), user, "arki-demo");
    }
}
