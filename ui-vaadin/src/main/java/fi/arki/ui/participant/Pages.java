package fi.arki.ui.participant;

import fi.arki.shared.DatabaseOutage;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.Language;
import fi.arki.ui.i18n.ArkiI18NProvider;
import fi.arki.ui.i18n.LanguageSupport;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/** What the participant controllers share: the viewer's language, rendering a template to a response, messages of errors. */
@Component
class Pages {

    static final String LANGUAGE_COOKIE = "arki-lang";

    private final TemplateEngine templates;
    private final ArkiI18NProvider i18n;
    private final AssetUrls assets;

    Pages(TemplateEngine templates, ArkiI18NProvider i18n, AssetUrls assets) {
        this.templates = templates;
        this.i18n = i18n;
        this.assets = assets;
    }

    Texts texts(HttpServletRequest request) {
        return new Texts(i18n, LanguageSupport.of(request).locale());
    }

    /**
     * A participant's texts: in the language stored for them where there is one, so that their
     * choice follows them to another device; the browser's language only before that.
     */
    Texts texts(HttpServletRequest request, java.util.Optional<Language> stored) {
        return stored.map(l -> new Texts(i18n, l.locale())).orElseGet(() -> texts(request));
    }

    /** A whole page (never cached: it carries the CSRF token and the participant's own part). */
    ResponseEntity<String> page(HttpStatus status, String template, Map<String, Object> params, HttpServletRequest request) {
        Map<String, Object> all = new HashMap<>(params);
        all.putIfAbsent("t", texts(request));
        all.put("assets", assets);
        all.put("csrf", (CsrfToken) request.getAttribute(CsrfToken.class.getName()));
        all.put("path", request.getRequestURI());
        StringOutput out = new StringOutput();
        templates.render(template, all, out);
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore()).body(out.toString());
    }

    static ResponseEntity<String> redirect(String to) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", to).build();
    }

    /** The message of a refused input in the viewer's language; for anything else "busy" or "unavailable". */
    String message(Texts t, RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            return t.t(invalid.messageKey(), invalid.arguments().toArray());
        }
        return t.t(DatabaseOutage.isOutage(e) ? "join.unavailable" : "join.busy");
    }

    /** The same for a participant's write: "your text is kept" instead of the join page's words. */
    String writeMessage(Texts t, RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            return t.t(invalid.messageKey(), invalid.arguments().toArray());
        }
        return t.t(DatabaseOutage.isOutage(e) ? "session.error.unavailable" : "session.error.failed");
    }

    /** Remembers the participant's language choice the same way the Vaadin pages do. */
    static void chooseLanguage(HttpServletRequest request, HttpServletResponse response, Language language) {
        Cookie cookie = new Cookie(LANGUAGE_COOKIE, language.tag());
        cookie.setPath("/");
        cookie.setMaxAge(60 * 60 * 24 * 365);
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        cookie.setSecure(request.isSecure());
        response.addCookie(cookie);
    }
}
