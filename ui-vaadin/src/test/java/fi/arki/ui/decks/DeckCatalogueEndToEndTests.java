package fi.arki.ui.decks;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.Application;
import fi.arki.deck.internal.TestDecks;
import fi.arki.ui.BrowserSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The "done when", in real Chromium: an administrator uploads the example package of
 * docs/examples, is told clearly what is wrong with a bad one, sees the good one in the catalogue,
 * enables it for the demo tenant, and a facilitator then finds it offered.
 */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "arki.demo.enabled=true")
@ActiveProfiles("test")
@Tag("integration")
class DeckCatalogueEndToEndTests {

    @LocalServerPort int port;
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

    @Test
    void an_administrator_uploads_the_example_deck_enables_it_and_a_facilitator_sees_it_offered() throws Exception {
        String base = "http://localhost:" + port;
        Path work = fi.arki.ui.processes.OwnedProcesses.deleteAtExit(Files.createTempDirectory("deck-e2e"));
        Path example = work.resolve("customer-moment.zip");
        Files.write(example, TestDecks.zip(TestDecks.example()));
        Map<String, byte[]> withHtml = new LinkedHashMap<>(TestDecks.example());
        withHtml.put("index.html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        Path bad = work.resolve("bad-deck.zip");
        Files.write(bad, TestDecks.zip(withHtml));

        driver.get(base + "/login");
        driver.manage().addCookie(new Cookie("arki-lang", "fi"));
        BrowserSupport.signIn(driver, base, "admin", "arki-demo");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tenant-name"), "Demo-elinvoimakeskus"));

        // found from the side menu, as a new administrator would
        BrowserSupport.click(driver, By.xpath("//vaadin-side-nav-item[normalize-space()='Pakkaluettelo']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("deck-upload")));

        BrowserSupport.upload(driver, By.id("deck-upload"), bad);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload-problems")));
        assertThat(BrowserSupport.text(driver, By.id("upload-result")))
                .contains("Pakettia bad-deck.zip ei asennettu")
                .contains("Tiedostoa index.html ei sallita pakassa");
        assertThat(driver.findElements(By.id("deck-customer-moment"))).isEmpty();

        // a fresh page, as after fixing the package
        driver.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("deck-upload")));
        BrowserSupport.upload(driver, By.id("deck-upload"), example);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("upload-result"), "Pakka Asiakashetki (versio 1.0.0) on asennettu."));
        WebElement deck = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("deck-customer-moment")));
        assertThat(deck.getText()).contains("Asiakashetki", "Arki documentation example", "CC0-1.0",
                "Organisaation oma sisältöpakka", "1.0.0", "käytössä", "Ei tarjolla");

        BrowserSupport.click(driver, By.id("enable-customer-moment"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("enabled-customer-moment"),
                "Tarjolla organisaation Demo-elinvoimakeskus fasilitaattoreille."));

        BrowserSupport.click(driver, By.id("sign-out"));
        wait.until(ExpectedConditions.urlContains("/login"));
        BrowserSupport.signIn(driver, base, "facilitator", "arki-demo");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tenant-name"), "Demo-elinvoimakeskus"));
        BrowserSupport.click(driver, By.xpath("//vaadin-side-nav-item[normalize-space()='Pakat']"));
        WebElement offered = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("library-deck-customer-moment")));
        assertThat(offered.getText()).contains("Asiakashetki", "Lähde: Arki documentation example", "Viikon asiakashetki",
                "15 min", "voi käyttää yksinään", "Seuraava askel");
        assertThat(driver.findElements(By.xpath("//vaadin-side-nav-item[normalize-space()='Pakkaluettelo']")))
                .as("a facilitator has no catalogue").isEmpty();
        // the card tells what it asks, with the organisation's name filled in
        BrowserSupport.click(driver, By.id("card-customer-moment-moment"));
        wait.until(d -> d.findElement(By.id("card-customer-moment-moment")).getText().contains("Mikä teki asioinnista"));
        assertThat(BrowserSupport.text(driver, By.id("card-customer-moment-moment")))
                .contains("Kysymys: Mikä teki asioinnista asiakkaalle vaikeaa Demo-elinvoimakeskuksessa?")
                .doesNotContain("{organisation");
    }
}
