package fi.arki.ui.errors;

import fi.arki.shared.Language;
import fi.arki.ui.i18n.ArkiI18NProvider;
import fi.arki.ui.i18n.LanguageSupport;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.util.HtmlUtils;

/**
 * Spring's error path ({@code /error}) for everything Vaadin does not render itself: requests the
 * security filters refuse, missing static files, failures outside a view. Browsers get a plain
 * page in their language in place of Spring's "Whitelabel Error Page"; other clients keep Spring's
 * JSON (status, error, path, timestamp: {@code server.error.include-message} and
 * {@code include-stacktrace} are {@code never}).
 */
@Component
class ServletErrorPages implements ErrorViewResolver {

    private static final Logger log = LoggerFactory.getLogger(ServletErrorPages.class);

    private final ArkiI18NProvider texts;

    ServletErrorPages(ArkiI18NProvider texts) {
        this.texts = texts;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        ModelAndView page = new ModelAndView(new Page(status));
        page.setStatus(status);
        return page;
    }

    private final class Page implements View {

        private final HttpStatus status;

        Page(HttpStatus status) {
            this.status = status;
        }

        @Override
        public String getContentType() {
            return "text/html;charset=UTF-8";
        }

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) throws Exception {
            Language language = LanguageSupport.of(request);
            String kind = switch (status.value()) {
                case 400 -> "bad-request";
                case 403 -> "forbidden";
                case 404 -> "not-found";
                default -> status.is5xxServerError() ? "internal" : "other";
            };
            String incident = "";
            if (status.is5xxServerError()) {
                String code = Incidents.next();
                Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
                if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
                    log.error("Error {} ({}) on {}", code, status.value(), uri, failure);
                } else {
                    log.warn("Error {} ({}) on {}", code, status.value(), uri);
                }
                incident = "<p id=\"error-incident\">" + text("errorpage.incident", language, code) + "</p>";
            }
            String title = text("errorpage." + kind + ".title", language);
            response.setContentType(getContentType());
            response.getWriter().write("""
                    <!DOCTYPE html>
                    <html lang="%s">
                    <head>
                    <meta charset="utf-8">
                    <meta name="viewport" content="width=device-width, initial-scale=1">
                    <title>%s – %s</title>
                    <style>
                    body { font-family: system-ui, sans-serif; color: #1a1a1a; background: #fff; margin: 0; }
                    main { max-width: 40rem; margin: 4rem auto; padding: 0 1.5rem; line-height: 1.5; }
                    a { color: #084a72; }
                    </style>
                    </head>
                    <body>
                    <main id="error-page" data-status="%d">
                    <h1 id="error-title">%s</h1>
                    <p id="error-text">%s</p>
                    %s
                    <p><a id="error-home" href="/">%s</a></p>
                    </main>
                    </body>
                    </html>
                    """.formatted(language.tag(), title, text("app.name", language), status.value(), title,
                    text("errorpage." + kind + ".text", language, status.value()), incident, text("errorpage.home", language)));
        }

        private String text(String key, Language language, Object... args) {
            return HtmlUtils.htmlEscape(texts.getTranslation(key, language.locale(), args));
        }
    }
}
