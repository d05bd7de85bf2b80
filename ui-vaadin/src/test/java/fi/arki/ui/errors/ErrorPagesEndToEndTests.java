package fi.arki.ui.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import fi.arki.Application;
import fi.arki.ui.BrowserSupport;
import jakarta.servlet.ServletContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * T-25: what a user sees when something goes wrong is a page in their language that says so in
 * plain words and leads back to the front page: no exception class, message or stack trace, no
 * list of routes. Errors are forced for real: a view that throws while opening, a controller that
 * throws, an address that does not exist, a view the user's roles do not allow.
 */
@SpringBootTest(classes = {Application.class, ErrorPagesEndToEndTests.Failures.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "arki.demo.enabled=true")
@ActiveProfiles("test")
@Tag("integration")
class ErrorPagesEndToEndTests {

    static final String SECRET = "connection to db-internal-7.example:5432 refused";
    static final List<String> INTERNALS = List.of("IllegalStateException", "Exception", "FailingView", "Failures",
            SECRET, "at fi.arki", "at com.vaadin", "at org.springframework", "Whitelabel", "RouteNotFoundError",
            "InternalServerError", "Available routes");

    /** A view that fails while opening, registered only in this test's application. */
    @AnonymousAllowed
    public static class FailingView extends Div {
        public FailingView() {
            throw new IllegalStateException(SECRET);
        }
    }

    /** A Spring MVC endpoint that fails: the servlet error path (/error). */
    @TestConfiguration(proxyBeanMethods = false)
    static class Failures {
        @Bean
        FailingController failingController() {
            return new FailingController();
        }
    }

    @RestController
    static class FailingController {
        @GetMapping("/test-failure/servlet")
        String fail() {
            throw new IllegalStateException(SECRET);
        }
    }

    @LocalServerPort int port;
    @Autowired ServletContext servletContext;
    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void open() {
        ApplicationRouteRegistry routes = ApplicationRouteRegistry.getInstance(new VaadinServletContext(servletContext));
        if (routes.getNavigationTarget("test-failure/view").isEmpty()) {
            routes.setRoute("test-failure/view", FailingView.class, List.of());
        }
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
    void a_view_that_fails_shows_the_error_page_with_an_error_code_and_nothing_internal() {
        signIn("facilitator", "fi");
        driver.get(base() + "/test-failure/view");

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("internal-error")));
        assertThat(driver.findElement(By.id("error-title")).getText()).isEqualTo("Jotain meni vikaan");
        assertThat(driver.findElement(By.id("error-incident")).getText()).matches("Virhetunnus: [0-9A-F]{10}");
        assertThat(driver.findElement(By.id("error-home")).getAttribute("href")).isEqualTo(base() + "/");
        assertNothingInternal(driver.getPageSource());
    }

    @Test
    void an_unknown_address_shows_the_not_found_page_in_the_users_language() {
        for (var language : Map.of("fi", "Sivua ei löydy", "sv", "Sidan hittades inte", "en", "Page not found").entrySet()) {
            signIn("participant1", language.getKey());
            driver.get(base() + "/no-such-page/at-all");

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("not-found")));
            assertThat(driver.findElement(By.id("error-title")).getText()).as(language.getKey()).isEqualTo(language.getValue());
            assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language.getKey());
            assertNothingInternal(driver.getPageSource());
            driver.manage().deleteAllCookies();
        }
    }

    @Test
    void a_view_the_users_roles_do_not_allow_shows_a_refusal_without_internals() {
        signIn("participant2", "sv");
        driver.get(base() + "/admin/people");

        // development mode says "no access"; production mode answers "not found", so that the
        // address does not tell whether the view exists
        wait.until(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(By.id("access-denied")),
                ExpectedConditions.presenceOfElementLocated(By.id("not-found"))));
        assertThat(driver.findElement(By.id("error-title")).getText()).isIn("Ingen behörighet", "Sidan hittades inte");
        assertThat(driver.findElements(By.id("new-person-name"))).isEmpty();
        assertNothingInternal(driver.getPageSource());
    }

    @Test
    void an_ended_session_says_so_in_the_users_language_and_leads_to_sign_in() {
        signIn("facilitator", "sv");
        wait.until(d -> !BrowserSupport.texts(d, By.cssSelector(".arki-team")).isEmpty());
        // the server forgets the session (as after the idle timeout or a restart); the page is still open
        // (a cookie the server does not know; no cookie at all would read as cookies turned off)
        driver.manage().deleteCookieNamed("JSESSIONID");
        driver.manage().addCookie(new Cookie.Builder("JSESSIONID", "0123456789ABCDEF0123456789ABCDEF").path("/").isHttpOnly(true).build());
        BrowserSupport.click(driver, By.id("change-password"));

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Sessionen har gått ut"));
        assertNothingInternal(driver.getPageSource());
        driver.navigate().refresh();
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    @Test
    void a_failure_outside_vaadin_shows_a_plain_page_to_browsers_and_bare_json_to_others() throws Exception {
        signIn("facilitator", "en");
        String session = driver.manage().getCookieNamed("JSESSIONID").getValue();
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base() + "/test-failure/servlet"))
                .header("Cookie", "JSESSIONID=" + session + "; arki-lang=sv").header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(500);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<html lang=\"sv\">", "id=\"error-page\"", "data-status=\"500\"")
                .containsPattern("id=\"error-incident\">[^<]*[0-9A-F]{10}</p>");
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
        assertNothingInternal(page.body());

        HttpResponse<String> json = http.send(HttpRequest.newBuilder(URI.create(base() + "/test-failure/servlet"))
                .header("Cookie", "JSESSIONID=" + session).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(json.statusCode()).isEqualTo(500);
        assertThat(json.body()).contains("\"status\":500").doesNotContain("\"trace\"", "\"exception\"", "\"message\"");
        assertNothingInternal(json.body());
    }

    @Test
    void a_visitor_who_is_not_signed_in_is_sent_to_sign_in_not_shown_what_exists() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base() + "/test-failure/servlet")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertNothingInternal(response.body());
    }

    private static void assertNothingInternal(String content) {
        for (String internal : INTERNALS) {
            assertThat(content).as("shows " + internal).doesNotContain(internal);
        }
    }

    private void signIn(String user, String language) {
        driver.get(base() + "/login");
        driver.manage().addCookie(new Cookie.Builder("arki-lang", language).path("/").isHttpOnly(true).build());
        BrowserSupport.signIn(driver, base(), user, "arki-demo");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tenant-name")));
    }
}
