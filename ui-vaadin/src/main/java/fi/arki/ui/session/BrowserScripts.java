package fi.arki.ui.session;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.Element;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The one place in Arki that runs script in the browser (T-12: {@code executeJs} only in
 * allowlisted classes, and this is the only entry). It sends {@code browser.js} once per page, a
 * fixed script; what it shows (the countdown's words) travels in element attributes, never as
 * text built into code.
 *
 * <p>The script counts timers down every second without a push per second. (It kept the Vaadin
 * participant view's drafts too; that view is gone and the participant page has its own script.)
 */
final class BrowserScripts {

    private static final String SCRIPT = load();
    private static final String INSTALLED = BrowserScripts.class.getName();

    private BrowserScripts() {
    }

    private static String load() {
        try (InputStream in = BrowserScripts.class.getResourceAsStream("browser.js")) {
            if (in == null) {
                throw new IllegalStateException("browser.js missing next to " + BrowserScripts.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the script to the page of this UI, once. */
    static void install(UI ui) {
        if (ComponentUtil.getData(ui, INSTALLED) == null) {
            ComponentUtil.setData(ui, INSTALLED, Boolean.TRUE);
            ui.getPage().executeJs(SCRIPT);
        }
    }

    // ---- countdown -------------------------------------------------------------------------

    /**
     * Makes an element count down to {@code endsAt} in the browser, every second, in the viewer's
     * words ({@code left} with {0} minutes and {1} seconds; {@code up} when the time is up). Only
     * the time left travels (the browser's clock need not agree with the server's); {@code null}
     * stops it. Call it when the end time changes, not on every render.
     */
    static void countdown(Component element, @Nullable Instant endsAt, String left, String up) {
        Element e = element.getElement();
        if (endsAt == null) {
            e.removeAttribute("data-countdown-ms");
            return;
        }
        long ms = Math.max(0, Duration.between(Instant.now(), endsAt).toMillis());
        set(e, "data-countdown-left", left);
        set(e, "data-countdown-up", up);
        // the end time rides along, so that the same time left for another timer still counts as new
        e.setAttribute("data-countdown-ms", ms + ":" + endsAt.toEpochMilli());
        element.getUI().ifPresent(BrowserScripts::install);
    }

    private static void set(Element element, String attribute, String value) {
        if (!value.equals(element.getAttribute(attribute))) {
            element.setAttribute(attribute, value);
        }
    }
}
