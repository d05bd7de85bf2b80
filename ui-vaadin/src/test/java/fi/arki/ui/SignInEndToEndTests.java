package fi.arki.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.Application;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A newcomer's first minute in real Chromium: sign in with a demo account and find the teams. */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "arki.demo.enabled=true")
@ActiveProfiles("test")
@Tag("integration")
class SignInEndToEndTests {

    @LocalServerPort int port;
    ChromeDriver driver;

    @BeforeEach
    void open() {
        driver = BrowserSupport.chromium();
    }

    @AfterEach
    void close() {
        driver.quit();
    }

    @Test
    void a_facilitator_signs_in_sees_the_demo_units_and_teams_switches_language_and_signs_out() {
        String base = "http://localhost:" + port;
        driver.get(base + "/");
        BrowserSupport.waitFor(driver).until(ExpectedConditions.urlContains("/login"));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isIn("fi", "en");

        BrowserSupport.signIn(driver, base, "facilitator", "arki-demo");

        var wait = BrowserSupport.waitFor(driver);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tenant-name"), "Demo-elinvoimakeskus"));
        List<String> units = List.of("Elinvoima ja yrityspalvelut", "Ympäristö ja luonnonvarat");
        List<String> teams = List.of("Osaaminen ja kotoutuminen", "Yritysrahoitus", "Vesitalous");
        wait.until(d -> BrowserSupport.texts(d, By.cssSelector(".arki-unit h2")).equals(units));
        assertThat(BrowserSupport.texts(driver, By.cssSelector(".arki-team"))).isEqualTo(teams);

        BrowserSupport.choose(driver, "language", "Svenska");
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "sv"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sign-out"), "Logga ut"));

        BrowserSupport.click(driver, By.id("sign-out"));
        wait.until(ExpectedConditions.urlContains("/login"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-notice"), "Du har loggat ut."));
        driver.get(base + "/");
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    @Test
    void a_wrong_password_is_refused_with_a_message_in_the_users_language() {
        String base = "http://localhost:" + port;
        BrowserSupport.signIn(driver, base, "facilitator", "wrong-password");
        var wait = BrowserSupport.waitFor(driver);
        wait.until(ExpectedConditions.urlContains("/login?error"));
        wait.until(d -> d.findElement(By.id("login-form")).getAttribute("error") != null);
        assertThat(driver.findElements(By.id("tenant-name"))).isEmpty();
    }
}
