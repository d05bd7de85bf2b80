package fi.arki.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
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

/** Debian's Chromium and ChromeDriver (installed by .ci/run), headless; nothing is downloaded. */
public final class BrowserSupport {

    private BrowserSupport() {
    }

    public static ChromeDriver chromium() {
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,900",
                    "--user-data-dir=" + Files.createTempDirectory("arki-chromium"));
            // the browser console (CSP violations show there) is readable through driver.manage().logs()
            org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
            logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
            return new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits up to a minute, looking again when Vaadin has replaced an element meanwhile. */
    public static WebDriverWait waitFor(ChromeDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** The visible texts of the matching elements, in page order. */
    public static List<String> texts(WebDriver driver, By selector) {
        return driver.findElements(selector).stream().map(WebElement::getText).toList();
    }

    /** Signs in through the real login form (Vaadin's vaadin-login-form posts to Spring Security). */
    public static void signIn(ChromeDriver driver, String baseUrl, String username, String password) {
        driver.get(baseUrl + "/login");
        WebDriverWait wait = waitFor(driver);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-login-form input[name=username]")));
        driver.findElement(By.cssSelector("vaadin-login-form input[name=username]")).sendKeys(username);
        driver.findElement(By.cssSelector("vaadin-login-form input[name=password]")).sendKeys(password);
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot=submit]")).click();
    }
}
