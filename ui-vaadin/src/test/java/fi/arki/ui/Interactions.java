package fi.arki.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * How {@link BrowserSupport} acts on a page that a loaded machine renders slowly and Vaadin
 * re-renders at will: find the element, make sure it can be acted on, act, and if the browser
 * still refuses (something slid over it meanwhile, Vaadin replaced it), look again, until the
 * patience runs out. The timeout's message says what stood in the way last.
 */
final class Interactions {

    /**
     * Null when the element can be acted on, else why not. Scrolls it to the middle of the window
     * first, then asks the page what is at the element's centre: the element itself, something
     * inside it (also inside its shadow tree), or else what covers it.
     */
    private static final String BLOCKER = """
            const e = arguments[0];
            if (!e.isConnected) return 'it left the page';
            if (e.hasAttribute('disabled') || e.disabled === true || e.getAttribute('aria-disabled') === 'true') return 'it is disabled';
            const style = getComputedStyle(e);
            if (style.visibility === 'hidden' || style.display === 'none') return 'it is hidden';
            e.scrollIntoView({block: 'center', inline: 'center'});
            const r = e.getBoundingClientRect();
            if (r.width === 0 || r.height === 0) return 'it has no size (not shown)';
            const x = r.left + r.width / 2, y = r.top + r.height / 2;
            const hit = e.getRootNode().elementFromPoint(x, y);
            if (!hit) return 'its centre is outside the window';
            for (let n = hit; n; n = n.parentNode || n.host) {
              if (n === e) return null;
            }
            const name = hit.tagName.toLowerCase() + (hit.id ? '#' + hit.id : '')
                + (typeof hit.className === 'string' && hit.className.trim() ? '.' + hit.className.trim().split(/\\s+/).join('.') : '');
            return 'it is covered by <' + name + '>';
            """;

    private Interactions() {
    }

    /** Acts on the first matching element that can take it; retries what the browser refuses. */
    static WebElement act(WebDriver driver, By by, String verb, Consumer<WebElement> action) {
        AtomicReference<String> why = new AtomicReference<>("nothing matches yet");
        return BrowserSupport.waitFor(driver)
                // ElementClickInterceptedException is one: something came over the element meanwhile
                .ignoring(ElementNotInteractableException.class)
                .withMessage(() -> "could not " + verb + " " + by + " in " + BrowserSupport.PATIENCE.toSeconds() + " s: " + why.get())
                .until(d -> {
                    WebElement ready = ready(d, d.findElements(by), why);
                    if (ready == null) {
                        return null;
                    }
                    try {
                        action.accept(ready);
                    } catch (ElementNotInteractableException | StaleElementReferenceException e) {
                        why.set(e.getClass().getSimpleName() + ": " + e.getMessage().lines().findFirst().orElse(""));
                        throw e;
                    }
                    return ready;
                });
    }

    /** Clears an input and types, until it holds exactly the text (Vaadin may reset it while it renders). */
    static void replaceText(WebDriver driver, By input, String text) {
        AtomicReference<String> why = new AtomicReference<>("nothing matches yet");
        BrowserSupport.waitFor(driver)
                .ignoring(ElementNotInteractableException.class)
                .withMessage(() -> "could not type into " + input + " in " + BrowserSupport.PATIENCE.toSeconds() + " s: " + why.get())
                .until(d -> {
                    WebElement field = ready(d, d.findElements(input), why);
                    if (field == null) {
                        return false;
                    }
                    try {
                        if (!text.equals(field.getDomProperty("value"))) {
                            field.clear();
                            field.sendKeys(text);
                        }
                    } catch (ElementNotInteractableException | StaleElementReferenceException e) {
                        why.set(e.getClass().getSimpleName() + ": " + e.getMessage().lines().findFirst().orElse(""));
                        throw e;
                    }
                    String value = field.getDomProperty("value");
                    why.set("it holds \"" + value + "\"");
                    return text.equals(value);
                });
    }

    /** A vaadin-upload's file input is hidden by design: it only has to be there. */
    static void upload(WebDriver driver, By upload, Path file) {
        BrowserSupport.waitFor(driver).withMessage(() -> "no file input in " + upload).until(d -> {
            List<WebElement> hosts = d.findElements(upload);
            if (hosts.isEmpty()) {
                return false;
            }
            WebElement host = hosts.getFirst();
            SearchContext shadow = host.getShadowRoot();
            List<WebElement> inputs = shadow.findElements(By.cssSelector("input[type=file]"));
            if (inputs.isEmpty()) {
                inputs = host.findElements(By.cssSelector("input[type=file]"));
            }
            if (inputs.isEmpty()) {
                return false;
            }
            inputs.getFirst().sendKeys(file.toAbsolutePath().toString());
            return true;
        });
    }

    private static WebElement ready(WebDriver driver, List<WebElement> candidates, AtomicReference<String> why) {
        for (WebElement candidate : candidates) {
            Object blocker = ((JavascriptExecutor) driver).executeScript(BLOCKER, candidate);
            if (blocker == null) {
                return candidate;
            }
            if (candidate == candidates.getFirst()) {
                why.set(candidates.size() + " match(es); the first: " + blocker);
            }
        }
        return null;
    }

    /** An XPath string literal for any text (XPath 1.0 has no escapes; concat() joins the quotes). */
    static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}
