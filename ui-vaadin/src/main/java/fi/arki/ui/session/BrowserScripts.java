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
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The one place in Arki that runs script in the browser (T-12: {@code executeJs} only in
 * allowlisted classes, and this is the only entry). It sends {@code browser.js} once per page and
 * then calls it with values only — never with text built into code: what people wrote travels as
 * a parameter, which Vaadin hands over as data.
 *
 * <p>The script keeps a participant's unsaved text in the browser (localStorage) so that an app
 * crash, a reload or a step change loses nothing, and counts timers down every second without a
 * push per second.
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

    private static void call(Component context, String expression, Object... parameters) {
        context.getUI().ifPresent(ui -> {
            install(ui);
            ui.getPage().executeJs(expression, parameters);
        });
    }

    // ---- drafts ----------------------------------------------------------------------------

    /** Makes a text field a draft field: what is typed into it is kept in the browser for this scope and step. */
    static void draftField(Element field, String scope, int step, UUID answerId, @Nullable String lane) {
        set(field, "data-draft-scope", scope);
        set(field, "data-draft-step", String.valueOf(step));
        set(field, "data-draft-id", answerId.toString());
        set(field, "data-draft-lane", lane == null ? "" : lane);
    }

    /**
     * Asks the browser what it still holds for the scope; the answer comes back as an
     * {@code arki-drafts} event on {@code screen}, and only if there is something.
     */
    static void reportDrafts(Component screen, String scope) {
        call(screen, "window.arkiBrowser.drafts.report($0, $1)", screen.getElement(), scope);
    }

    /** An answer was sent but has not been saved yet: the browser keeps it as pending. */
    static void draftPending(Component context, String scope, int step, UUID answerId, @Nullable String lane, String text) {
        call(context, "window.arkiBrowser.drafts.pending($0, $1, $2, $3, $4)", scope, step, answerId.toString(),
                lane == null ? "" : lane, text);
    }

    /** The answer has committed: the browser forgets it. */
    static void draftSaved(Component context, String scope, int step, UUID answerId) {
        call(context, "window.arkiBrowser.drafts.saved($0, $1, $2)", scope, step, answerId.toString());
    }

    /** The session is over: nothing of it stays in the browser. */
    static void forgetDrafts(Component context, String scope) {
        call(context, "window.arkiBrowser.drafts.forget($0)", scope);
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
