package fi.arki.ui.i18n;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.communication.IndexHtmlRequestListener;
import fi.arki.shared.Language;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which of fi/sv/en a user sees: their own choice (kept in a cookie, so it survives sign-in and
 * sign-out), else their browser's preference, else Finnish. The page's {@code <html lang>} says
 * the same, so screen readers speak the right language.
 */
@Component
public class LanguageSupport implements VaadinServiceInitListener {

    static final String COOKIE = "arki-lang";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> {
            HttpServletRequest request = currentRequest();
            if (request != null) {
                chosen(request).ifPresent(language -> ui.getUI().setLocale(language.locale()));
            }
        });
        event.addIndexHtmlRequestListener((IndexHtmlRequestListener) response -> {
            HttpServletRequest request = (HttpServletRequest) response.getVaadinRequest();
            Language language = chosen(request).orElseGet(() -> browserLanguage(request));
            response.getDocument().getElementsByTag("html").attr("lang", language.tag());
        });
    }

    /** Switches the whole session to a language and remembers it; the caller reloads the page. */
    public static void choose(Language language) {
        VaadinSession session = VaadinSession.getCurrent();
        session.setLocale(language.locale());
        session.getUIs().forEach(ui -> ui.setLocale(language.locale()));
        Cookie cookie = new Cookie(COOKIE, language.tag());
        cookie.setPath("/");
        cookie.setMaxAge(60 * 60 * 24 * 365);
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        var response = com.vaadin.flow.server.VaadinServletResponse.getCurrent();
        if (response != null) {
            response.getHttpServletResponse().addCookie(cookie);
        }
    }

    public static Language current() {
        UI ui = UI.getCurrent();
        return Language.of(ui != null ? ui.getLocale() : Language.fallback().locale());
    }

    /** The language of a plain servlet request (pages served outside Vaadin, such as Spring's error page). */
    public static Language of(HttpServletRequest request) {
        return chosen(request).orElseGet(() -> browserLanguage(request));
    }

    static Optional<Language> chosen(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies)
                .filter(c -> COOKIE.equals(c.getName()))
                .findFirst()
                .flatMap(c -> Language.ofTag(c.getValue()));
    }

    static Language browserLanguage(HttpServletRequest request) {
        var locales = request.getLocales();
        while (locales != null && locales.hasMoreElements()) {
            Locale locale = locales.nextElement();
            Optional<Language> language = Language.ofTag(locale.getLanguage());
            if (language.isPresent()) {
                return language.get();
            }
        }
        return Language.fallback();
    }

    private static HttpServletRequest currentRequest() {
        var request = com.vaadin.flow.server.VaadinServletRequest.getCurrent();
        return request == null ? null : request.getHttpServletRequest();
    }
}
