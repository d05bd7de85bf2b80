package fi.arki.insight.internal;

import fi.arki.shared.Language;
import java.nio.charset.StandardCharsets;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The fixed words of summaries, their exports and printed cards, from
 * {@code i18n/export_{fi,sv,en}.properties}: the same files and format as every UI text (the UI's
 * provider loads them too, so the language-completeness test covers every key in every language).
 * Patterns are formatted with {@link java.text.MessageFormat} only when arguments are given, as in
 * the UI.
 */
@Component
public class ExportTexts {

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    public ExportTexts() {
        messages.setBasename("i18n/export");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        // each language has its own file: never the server's own locale instead
        messages.setFallbackToSystemLocale(false);
    }

    /** The text of {@code export.<key>} in the language (a missing key fails at once rather than showing a code). */
    public String text(Language language, String key, Object... args) {
        return messages.getMessage("export." + key, args.length == 0 ? null : args, language.locale());
    }
}
