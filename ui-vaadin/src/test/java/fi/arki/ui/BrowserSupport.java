package fi.arki.ui;

import fi.arki.ui.processes.OwnedProcesses;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium and ChromeDriver (installed by .ci/run), headless; nothing is downloaded.
 *
 * <p>Every interaction of the browser tests goes through here ({@link #click}, {@link #type},
 * {@link #sendKeys}, {@link #choose}, {@link #upload}): each waits, generously, until its element is
 * there, visible, enabled and not covered by anything else, and acts then ({@link Interactions}).
 * A loaded machine only makes them slower. Each browser's profile folder goes with {@code quit()}
 * and, whatever happens, when the JVM exits; so do ChromeDriver and Chromium ({@link OwnedProcesses}).
 */
public final class BrowserSupport {

    /** How long any wait in a browser test may take: a loaded CI machine renders slowly. */
    public static final Duration PATIENCE = Duration.ofSeconds(90);

    private BrowserSupport() {
    }

    public static ChromeDriver chromium() {
        OwnedProcesses.sweepLeftoversOnce();
        Path profile;
        try {
            profile = OwnedProcesses.deleteAtExit(Files.createTempDirectory("arki-chromium"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
        // the browser console (CSP violations show there) is readable through driver.manage().logs()
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort()
                // ChromeDriver and the Chromium it starts are this JVM's: stopped with it, or by the next run
                .withEnvironment(OwnedProcesses.environment())
                .build();
        try {
            return new Chromium(service, options, profile);
        } catch (RuntimeException e) {
            service.stop();
            OwnedProcesses.delete(profile);
            throw e;
        }
    }

    /** Waits up to {@link #PATIENCE}, looking again when Vaadin has replaced an element meanwhile. */
    public static WebDriverWait waitFor(WebDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, PATIENCE, Duration.ofMillis(250));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Clicks the first matching element once it can take the click (visible, enabled, uncovered). */
    public static WebElement click(WebDriver driver, By by) {
        return Interactions.act(driver, by, "click", WebElement::click);
    }

    /** Sends keys (text or {@link org.openqa.selenium.Keys}) to an element once it can take them; nothing is cleared. */
    public static WebElement sendKeys(WebDriver driver, By by, CharSequence... keys) {
        return Interactions.act(driver, by, "type into", e -> e.sendKeys(keys));
    }

    /** Types into an input or text area, replacing what it holds, until it holds exactly {@code text}. */
    public static void type(WebDriver driver, By input, String text) {
        Interactions.replaceText(driver, input, text);
    }

    /** Types into a Vaadin text field or text area (its input inside the element with that id). */
    public static void type(WebDriver driver, String fieldId, String text) {
        type(driver, By.cssSelector("#" + fieldId + " input, #" + fieldId + " textarea"), text);
    }

    /** Opens a vaadin-select and picks the option whose text contains {@code contains}. */
    public static void choose(WebDriver driver, String selectId, String contains) {
        click(driver, By.id(selectId));
        // role=option: the overlay's items, not the copy of the chosen one the select shows in its button
        click(driver, By.xpath("//vaadin-select-item[@role='option'][contains(normalize-space(.), " + Interactions.xpathLiteral(contains) + ")]"));
    }

    /** Gives a vaadin-upload a file (its hidden file input takes the path; nothing to see or click). */
    public static void upload(WebDriver driver, By upload, Path file) {
        Interactions.upload(driver, upload, file);
    }

    /** The text of an element, once it is there. */
    public static String text(WebDriver driver, By by) {
        return waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(by)).getText();
    }

    /** The visible texts of the matching elements, in page order. */
    public static List<String> texts(WebDriver driver, By selector) {
        return driver.findElements(selector).stream().map(WebElement::getText).toList();
    }

    /** Signs in through the real login form (Vaadin's vaadin-login-form posts to Spring Security). */
    public static void signIn(WebDriver driver, String baseUrl, String username, String password) {
        driver.get(baseUrl + "/login");
        type(driver, By.cssSelector("vaadin-login-form input[name=username]"), username);
        type(driver, By.cssSelector("vaadin-login-form input[name=password]"), password);
        click(driver, By.cssSelector("vaadin-login-form vaadin-button[slot=submit]"));
    }

    /** A ChromeDriver whose {@code quit()} also removes its profile folder and any Chromium left on it. */
    static final class Chromium extends ChromeDriver {

        private final Path profile;

        Chromium(ChromeDriverService service, ChromeOptions options, Path profile) {
            super(service, options);
            this.profile = profile;
        }

        @Override
        public void quit() {
            try {
                super.quit();
            } finally {
                OwnedProcesses.running().stream()
                        .filter(p -> fi.arki.ui.processes.Leftovers.commandLine(p).contains(profile.toString()))
                        .forEach(p -> OwnedProcesses.stop(p, Duration.ofSeconds(10)));
                OwnedProcesses.delete(profile);
            }
        }
    }
}
