package fi.arki.ui.session;

import fi.arki.ui.BrowserSupport;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a person does on the session pages, in real Chromium, by the elements' ids and labels. */
public final class SessionPages {

    private SessionPages() {
    }

    /** Opens a vaadin-select and chooses the (visible) option whose text contains the given words. */
    public static void pick(ChromeDriver driver, String selectId, String contains) {
        BrowserSupport.choose(driver, selectId, contains);
    }

    /** Chooses an option of a native select (the participant page's) by its value, once the select is there. */
    public static void select(ChromeDriver driver, String selectId, String value) {
        waitFor(driver).until(d -> {
            new org.openqa.selenium.support.ui.Select(d.findElement(By.id(selectId))).selectByValue(value);
            return true;
        });
    }

    public static WebDriverWait waitFor(ChromeDriver driver) {
        return BrowserSupport.waitFor(driver);
    }

    /** Finnish UI: the language cookie is set before anything else is shown. */
    public static void finnish(ChromeDriver driver, String base) {
        driver.get(base + "/login");
        driver.manage().addCookie(new Cookie("arki-lang", "fi"));
    }

    public static void signIn(ChromeDriver driver, String base, String user) {
        finnish(driver, base);
        BrowserSupport.signIn(driver, base, user, "arki-demo");
        waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("tenant-name")));
    }

    public static void click(ChromeDriver driver, By by) {
        BrowserSupport.click(driver, by);
    }

    public static void type(ChromeDriver driver, String fieldId, String text) {
        BrowserSupport.type(driver, fieldId, text);
    }

    public static String text(ChromeDriver driver, String id) {
        return waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id(id))).getText();
    }

    public static void waitText(ChromeDriver driver, String id, String contains) {
        waitFor(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), contains));
    }

    public static List<String> texts(ChromeDriver driver, String css) {
        return BrowserSupport.texts(driver, By.cssSelector(css));
    }

    /**
     * Waits until the participant page shows the text in the element: the page updates itself once
     * its live script runs, and until then (or should an update be missed) a reload shows the
     * session as it is now, so the wait reloads now and then while it has not appeared.
     */
    public static void waitShown(ChromeDriver driver, String id, String contains) {
        waitFor(driver).pollingEvery(java.time.Duration.ofSeconds(2)).until(d -> {
            if (d.findElements(By.id(id)).stream().anyMatch(e -> e.getText().contains(contains))) {
                return true;
            }
            d.navigate().refresh();
            return false;
        });
    }

    /** The same for a condition on the participant page. */
    public static void waitShown(ChromeDriver driver, java.util.function.Predicate<ChromeDriver> shown) {
        waitFor(driver).pollingEvery(java.time.Duration.ofSeconds(2)).until(d -> {
            if (shown.test((ChromeDriver) d)) {
                return true;
            }
            d.navigate().refresh();
            return false;
        });
    }

    /** Writes an answer and waits until the page says it is saved. */
    static void answer(ChromeDriver driver, String text) {
        type(driver, "answer-text", text);
        click(driver, By.id("answer-add"));
        waitFor(driver).until(d -> d.findElements(By.cssSelector("#my-answers .arki-own-answer")).stream()
                .anyMatch(li -> li.getText().contains(text) && li.getText().contains("Tallennettu")));
    }
}
