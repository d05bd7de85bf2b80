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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * T-21 (routes part): axe-core's WCAG 2.1 A and AA rules on every page each kind of user can reach
 * from the side menu, in Finnish and in Swedish, plus the sign-in page and the accessibility statement it links to; and {@code <html lang>}
 * says the language the page is in (T-22). A violation fails the test unless a reviewed baseline
 * entry ({@code accessibility-baseline.csv}: rule, path, expiry date, reason) still covers it.
 *
 * <p>The live session pages are not in any menu: a second test runs a card, the facilitator in
 * Finnish and a guest on a phone in Swedish, and checks the facilitator console, the presenter
 * view, the join pages, the participant view at each kind of step and the summary, each in
 * Finnish, Swedish and English: the participant switches language on the page (and back), the
 * facilitator's console reloads in each language (the arki-lang cookie), where the connection
 * indicator's texts are checked too. It does the work by keyboard alone (Tab, Enter, arrow keys:
 * writing, voting and rating, the focus staying on the control pressed), and each control reached
 * shows its focus.
 */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "arki.demo.enabled=true")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
class AccessibilityEndToEndTests {

    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    static final List<String> USERS = List.of("participant1", "facilitator", "admin", "platform");
    static final List<String> LANGUAGES = List.of("fi", "sv");

    @LocalServerPort int port;
    @org.springframework.beans.factory.annotation.Autowired fi.arki.ui.i18n.ArkiI18NProvider i18n;
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
            BrowserSupport.click(driver, By.id("accessibility-link"));
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

    @Test
    void the_live_session_pages_meet_wcag_21_aa_and_a_card_runs_by_keyboard_alone() throws IOException {
        String base = "http://localhost:" + port;
        List<BaselineEntry> baseline = baseline();
        violations.clear();
        visited.clear();
        ChromeDriver facilitator = driver;
        ChromeDriver guest = BrowserSupport.chromium();
        guest.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            facilitator.manage().deleteAllCookies();
            fi.arki.ui.session.SessionPages.signIn(facilitator, base, "facilitator");
            facilitator.get(base + "/sessions/new");
            fi.arki.ui.session.SessionPages.click(facilitator, By.xpath("//vaadin-checkbox[.//label[normalize-space()='Yritysrahoitus']]"));
            fi.arki.ui.session.SessionPages.pick(facilitator, "start-deck", "Juutin kuusi ulottuvuutta");
            fi.arki.ui.session.SessionPages.click(facilitator, By.xpath("//vaadin-radio-button[.//label[contains(., 'Yksi kortti')]]"));
            fi.arki.ui.session.SessionPages.pick(facilitator, "start-card", "Lopuksi");
            fi.arki.ui.session.SessionPages.click(facilitator, By.id("start-submit"));
            BrowserSupport.waitFor(facilitator).until(ExpectedConditions.urlContains("/facilitate"));
            String code = fi.arki.ui.session.SessionPages.text(facilitator, "join-code");
            String sessionUrl = facilitator.getCurrentUrl().replace("/facilitate", "");
            analyzeFacilitator(facilitator, "console-intro", By.id("step-progress"));

            guest.get(base + "/login");
            guest.manage().addCookie(new Cookie("arki-lang", "sv"));
            guest.get(base + "/join");
            BrowserSupport.waitFor(guest).until(ExpectedConditions.presenceOfElementLocated(By.id("join-code-input")));
            analyze(guest, "guest sv join-code");
            keyboard(guest, "join-code-input");
            new Actions(guest).sendKeys(code).sendKeys(Keys.ENTER).perform();
            BrowserSupport.waitFor(guest).until(ExpectedConditions.presenceOfElementLocated(By.id("join-submit")));
            analyzeParticipant(guest, "join-form");
            press(guest, "join-submit", Keys.ENTER);
            fi.arki.ui.session.SessionPages.waitShown(guest, "card-title", "");
            BrowserSupport.waitFor(guest).until(ExpectedConditions.presenceOfElementLocated(By.id("step-question")));
            analyzeParticipant(guest, "intro");

            press(facilitator, "step-next", Keys.ENTER); // the slot opens with the team's open targets
            fi.arki.ui.session.SessionPages.waitShown(guest, "step-progress", "Steg 2 / 8");
            analyzeParticipant(guest, "review");
            analyzeFacilitator(facilitator, "console-review", By.id("step-progress"));
            press(facilitator, "step-next", Keys.ENTER); // the customers' NPS, as the team sees it
            fi.arki.ui.session.SessionPages.waitShown(guest, "step-progress", "Steg 3 / 8");
            analyzeParticipant(guest, "rate");
            press(facilitator, "step-next", Keys.ENTER);
            fi.arki.ui.session.SessionPages.waitShown(guest, "step-progress", "Steg 4 / 8");
            analyzeFacilitator(facilitator, "console-prompt", By.id("step-progress"));
            String written = "Svenskspråkig service";
            keyboard(guest, "answer-text");
            new Actions(guest).sendKeys(written).perform();
            press(guest, "answer-add", Keys.ENTER);
            BrowserSupport.waitFor(guest).until(d -> d.findElements(By.cssSelector("#my-answers .arki-own-answer")).stream()
                    .anyMatch(li -> li.getText().contains(written) && li.getText().contains("Sparat")));
            analyzeParticipant(guest, "prompt");
            // the facilitator's timer counts down on the participant's phone (in the browser, no push per second)
            press(facilitator, "timer-start", Keys.ENTER);
            fi.arki.ui.session.SessionPages.waitShown(guest, "timer", "Tid kvar 2:");
            String shown = fi.arki.ui.session.SessionPages.text(guest, "timer");
            fi.arki.ui.session.SessionPages.waitShown(guest, d -> !d.findElement(By.id("timer")).getText().equals(shown));
            press(facilitator, "step-reveal", Keys.ENTER);
            fi.arki.ui.session.SessionPages.waitShown(guest, "all-answers", written);
            analyzeParticipant(guest, "prompt-revealed");

            press(facilitator, "step-next", Keys.ENTER); // grouping, by keyboard
            fi.arki.ui.session.SessionPages.waitText(facilitator, "step-progress", "Vaihe 5 / 8");
            keyboard(facilitator, "group-label");
            new Actions(facilitator).sendKeys("Palvelukieli").perform();
            press(facilitator, "group-create", Keys.ENTER);
            fi.arki.ui.session.SessionPages.waitText(facilitator, "group-names", "Palvelukieli (0)");
            keyboard(facilitator, "group-of-0");
            new Actions(facilitator).sendKeys(Keys.ARROW_DOWN).perform();
            chooseByKeyboard(facilitator, "Palvelukieli");
            fi.arki.ui.session.SessionPages.waitText(facilitator, "group-names", "Palvelukieli (1)");
            // the whole answer is on its card in the group's column, not cut to a menu label
            assertThat(BrowserSupport.texts(facilitator, By.cssSelector("#grouping .arki-group-column .arki-group-answer"))).contains(written);
            // the menu is rebuilt with the new grouping; the keyboard user is where they were
            BrowserSupport.waitFor(facilitator).until(d -> focusedWithin((ChromeDriver) d, "group-of-0"));
            analyzeFacilitator(facilitator, "console-group", By.id("step-progress"));
            fi.arki.ui.session.SessionPages.waitShown(guest, "groups", written);
            analyzeParticipant(guest, "group");

            press(facilitator, "step-next", Keys.ENTER); // dot vote over the groups
            fi.arki.ui.session.SessionPages.waitShown(guest, "dots-left", "3 / 3");
            keyboardTo(guest, "arki-vote-plus");
            new Actions(guest).sendKeys(Keys.ENTER).perform();
            fi.arki.ui.session.SessionPages.waitText(guest, "dots-left", "2 / 3");
            // the keyboard user is still on the button they pressed
            BrowserSupport.waitFor(guest).until(d -> focusedWithin((ChromeDriver) d, "arki-vote-plus"));
            analyzeParticipant(guest, "vote");
            analyzeFacilitator(facilitator, "console-vote", By.id("step-progress"));

            press(facilitator, "step-next", Keys.ENTER);
            fi.arki.ui.session.SessionPages.waitShown(guest, "step-progress", "Steg 7 / 8");
            analyzeParticipant(guest, "commit");
            analyzeFacilitator(facilitator, "console-commit", By.id("step-progress"));
            press(facilitator, "step-next", Keys.ENTER);
            fi.arki.ui.session.SessionPages.waitShown(guest, "step-progress", "Steg 8 / 8");
            analyzeParticipant(guest, "pulse");
            keyboardTo(guest, "rate-4"); // rating by keyboard: the choice is saved and the focus stays on it
            new Actions(guest).sendKeys(Keys.ENTER).perform();
            fi.arki.ui.session.SessionPages.waitText(guest, "rating-saved", "4");
            BrowserSupport.waitFor(guest).until(d -> focusedWithin((ChromeDriver) d, "rate-4"));
            analyzeParticipant(guest, "pulse-rated");
            analyzeFacilitator(facilitator, "console-pulse", By.id("step-progress"));

            press(facilitator, "timer-start", Keys.ENTER); // a step change stops the timer: one for the last step
            fi.arki.ui.session.SessionPages.waitShown(guest, "timer", "Tid kvar ");
            facilitator.get(sessionUrl + "/present");
            BrowserSupport.waitFor(facilitator).until(ExpectedConditions.presenceOfElementLocated(By.id("step-question")));
            fi.arki.ui.session.SessionPages.waitText(facilitator, "timer", "Aikaa "); // the presenter shows the same timer
            analyzeFacilitator(facilitator, "presenter", By.id("step-question"));
            facilitator.get(sessionUrl + "/facilitate");
            fi.arki.ui.session.SessionPages.click(facilitator, By.id("session-close"));
            fi.arki.ui.session.SessionPages.click(facilitator, By.cssSelector("vaadin-button[slot='confirm-button']"));
            fi.arki.ui.session.SessionPages.waitShown(guest, "session-closed", "");
            analyze(guest, "participant sv closed");
            for (String language : List.of("fi", "en")) { // the participant's own language, switched on the page
                fi.arki.ui.session.SessionPages.select(guest, "language-select", language);
                fi.arki.ui.session.SessionPages.click(guest, By.id("language-change"));
                BrowserSupport.waitFor(guest).until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", language));
                analyze(guest, "participant " + language + " closed");
                guest.get(base + "/join");
                BrowserSupport.waitFor(guest).until(ExpectedConditions.presenceOfElementLocated(By.id("join-code-input")));
                analyze(guest, "guest " + language + " join-code");
                guest.navigate().back();
            }
            facilitator.get(sessionUrl + "/summary");
            BrowserSupport.waitFor(facilitator).until(ExpectedConditions.presenceOfElementLocated(By.id("summary-targets")));
            analyzeFacilitator(facilitator, "summary", By.id("summary-targets"));
        } finally {
            guest.quit();
        }
        List<String> unexplained = violations.stream().filter(v -> baseline.stream().noneMatch(b -> b.covers(v))).toList();
        for (String language : List.of("fi", "sv", "en")) {
            assertThat(visited).as("every page in %s", language).filteredOn(v -> v.contains(" " + language + " /")).hasSizeGreaterThan(20);
        }
        assertThat(unexplained).as("WCAG 2.1 AA violations on %s", visited).isEmpty();
    }

    /**
     * The participant's page as it is now, in Swedish (the language the test runs it in), then in
     * Finnish and English switched with the page's own language control, and back to Swedish.
     */
    private void analyzeParticipant(ChromeDriver guest, String step) {
        analyze(guest, "participant sv " + step);
        for (String language : List.of("fi", "en", "sv")) {
            fi.arki.ui.session.SessionPages.select(guest, "language-select", language);
            fi.arki.ui.session.SessionPages.click(guest, By.id("language-change"));
            BrowserSupport.waitFor(guest).until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", language));
            if (!language.equals("sv")) {
                analyze(guest, "participant " + language + " " + step);
            }
        }
    }

    /**
     * A facilitator's page (console, presenter, summary) as it is now, in Finnish, then reloaded in
     * Swedish and English (the arki-lang cookie, as the language menu sets it) and back in Finnish;
     * in each, Vaadin's connection indicator has its texts in that language (issue 11 item 9).
     */
    private void analyzeFacilitator(ChromeDriver facilitator, String page, By loaded) {
        analyze(facilitator, "facilitator fi " + page);
        connectionTexts(facilitator, "fi");
        for (String language : List.of("sv", "en", "fi")) {
            facilitator.manage().addCookie(new Cookie("arki-lang", language));
            facilitator.navigate().refresh();
            BrowserSupport.waitFor(facilitator).until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", language));
            BrowserSupport.waitFor(facilitator).until(ExpectedConditions.presenceOfElementLocated(loaded));
            if (!language.equals("fi")) {
                analyze(facilitator, "facilitator " + language + " " + page);
                connectionTexts(facilitator, language);
            }
        }
    }

    /** The texts the page's connection indicator shows online and when the connection is lost, as configured in the browser. */
    private void connectionTexts(ChromeDriver on, String language) {
        java.util.Locale locale = java.util.Locale.forLanguageTag(language);
        List<String> expected = List.of(i18n.getTranslation("vaadin.connection.online", locale),
                i18n.getTranslation("vaadin.connection.lost", locale));
        assertThat(expected).as("texts of their own in %s", language).doesNotContain("Online", "Connection lost");
        BrowserSupport.waitFor(on).withMessage("the connection indicator speaks " + language).until(d -> expected.equals(
                ((JavascriptExecutor) d).executeScript("const i = window.Vaadin && window.Vaadin.connectionIndicator;"
                        + " return i ? [i.onlineText, i.offlineText] : null;")));
    }

    /** Runs axe on the page as it is now (a live view changes without a new address). */
    private void analyze(ChromeDriver on, String where) {
        BrowserSupport.waitFor(on).until(d -> !d.findElements(By.cssSelector("main, [role=main]")).isEmpty());
        String[] parts = where.split(" ", 3);
        String place = parts[0] + " " + parts[1] + " /" + parts[2];
        visited.add(place);
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(on);
        for (Rule rule : results.getViolations()) {
            rule.getNodes().forEach(node -> violations.add(rule.getId() + " " + place + " " + node.getTarget()));
        }
    }

    /** Tabs (forwards) until the element with this id, or one with this class, has the focus; then checks the focus shows. */
    private static void keyboardTo(ChromeDriver on, String idOrClass) {
        if (focusedWithin(on, idOrClass)) {
            // focused by the page (autofocus, or after a change): arrive there by keyboard, as a keyboard user would see it
            new Actions(on).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).sendKeys(Keys.TAB).perform();
        }
        // a loaded machine may enable the control a moment late: keep tabbing round the page until it is reached
        BrowserSupport.waitFor(on).withMessage(idOrClass + " is reachable by Tab").until(d -> {
            if (focusedWithin(on, idOrClass)) {
                return true;
            }
            new Actions(on).sendKeys(Keys.TAB).perform();
            return focusedWithin(on, idOrClass);
        });
        assertThat(focusShows(on)).as("the focus on %s is visible", idOrClass).isTrue();
    }

    private static void keyboard(ChromeDriver on, String id) {
        BrowserSupport.waitFor(on).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        keyboardTo(on, id);
    }

    private static void press(ChromeDriver on, String id, Keys key) {
        keyboard(on, id);
        new Actions(on).sendKeys(key).perform();
    }

    /** The element that has the focus, or one of its hosts, has this id or class. */
    static boolean focusedWithin(ChromeDriver on, String idOrClass) {
        return Boolean.TRUE.equals(((JavascriptExecutor) on).executeScript("""
                let n = document.activeElement;
                while (n && n.shadowRoot && n.shadowRoot.activeElement) { n = n.shadowRoot.activeElement; }
                while (n) {
                  if (n.id === arguments[0] || (n.classList && n.classList.contains(arguments[0]))) { return true; }
                  n = n.parentElement || (n.getRootNode && n.getRootNode().host) || null;
                }
                return false;""", idOrClass));
    }

    /** A focused Vaadin control marks keyboard focus (focus-ring, which Lumo draws); a native one matches :focus-visible with an outline. */
    static boolean focusShows(ChromeDriver on) {
        return Boolean.TRUE.equals(((JavascriptExecutor) on).executeScript("""
                let n = document.activeElement;
                while (n && n.shadowRoot && n.shadowRoot.activeElement) { n = n.shadowRoot.activeElement; }
                for (let m = n; m; m = m.parentElement || (m.getRootNode && m.getRootNode().host) || null) {
                  if (m.hasAttribute && m.hasAttribute('focus-ring')) { return true; }
                }
                if (!n || !n.matches(':focus-visible')) { return false; }
                const style = getComputedStyle(n);
                return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';"""));
    }

    /** In an open vaadin-select, moves with the arrow keys to the item with this text and takes it with Enter. */
    private static void chooseByKeyboard(ChromeDriver on, String item) {
        // waits while the overlay opens (no item focused yet), then arrows down to the item
        BrowserSupport.waitFor(on).withMessage(item + " reachable with the arrow keys").until(d -> {
            Object focused = ((JavascriptExecutor) on).executeScript(
                    "const f = [...document.querySelectorAll('vaadin-select-item')].find(e => e.hasAttribute('focused'));"
                            + " return f ? f.textContent.trim() : null;");
            if (item.equals(focused)) {
                new Actions(on).sendKeys(Keys.ENTER).perform();
                return true;
            }
            if (focused != null) {
                new Actions(on).sendKeys(Keys.ARROW_DOWN).perform();
            }
            return false;
        });
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
