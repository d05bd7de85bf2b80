package fi.arki.ui.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import fi.arki.shared.Language;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Finnish, Swedish and English UI texts. Every {@code i18n/<area>_<lang>.properties} on the
 * classpath is one bundle (an area of the UI keeps its texts in its own file); a key may live in
 * only one bundle. Finnish comes first, so it is the language of anyone whose browser asks for
 * none of the three. A missing key shows as {@code !key!}, and the language-completeness test
 * fails long before a user could see it.
 *
 * <p>Patterns are formatted with {@link MessageFormat} only when arguments are given; in such
 * patterns an apostrophe is written twice.
 */
@Component
public class ArkiI18NProvider implements I18NProvider {

    private static final Logger log = LoggerFactory.getLogger(ArkiI18NProvider.class);

    private final Map<Language, Map<String, String>> texts = load();
    /** Parsed patterns, copied per use (MessageFormat is not thread-safe; a copy is far cheaper than a parse). */
    private final Map<Language, Map<String, MessageFormat>> formats = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public List<Locale> getProvidedLocales() {
        return Language.locales();
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Language language = Language.of(locale == null ? Language.fallback().locale() : locale);
        String pattern = texts.get(language).get(key);
        if (pattern == null) {
            log.warn("Missing translation {} for {}", key, language);
            return "!" + key + "!";
        }
        if (params.length == 0) {
            return pattern;
        }
        MessageFormat parsed = formats.computeIfAbsent(language, l -> new java.util.concurrent.ConcurrentHashMap<>())
                .computeIfAbsent(key, k -> new MessageFormat(pattern, language.locale()));
        return ((MessageFormat) parsed.clone()).format(params);
    }

    /** Every key of a language, for the completeness test. */
    public Set<String> keys(Language language) {
        return new TreeSet<>(texts.get(language).keySet());
    }

    private static Map<Language, Map<String, String>> load() {
        Map<Language, Map<String, String>> all = new EnumMap<>(Language.class);
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (Language language : Language.values()) {
            Map<String, String> merged = new HashMap<>();
            Map<String, String> origin = new HashMap<>();
            try {
                for (Resource resource : resolver.getResources("classpath*:i18n/*_" + language.tag() + ".properties")) {
                    Properties bundle = new Properties();
                    try (Reader in = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                        bundle.load(in);
                    }
                    for (String key : bundle.stringPropertyNames()) {
                        String previous = origin.putIfAbsent(key, resource.getFilename());
                        if (previous != null && !previous.equals(resource.getFilename())) {
                            throw new IllegalStateException("Translation key " + key + " is defined in both "
                                    + previous + " and " + resource.getFilename());
                        }
                        merged.put(key, bundle.getProperty(key));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            all.put(language, Map.copyOf(merged));
        }
        return all;
    }
}
