package fi.arki.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages Arki speaks. Finnish first: it is the default wherever nothing else is known. */
public enum Language {
    FI("fi"), SV("sv"), EN("en");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public Locale locale() {
        return Locale.of(tag);
    }

    public static Language fallback() {
        return FI;
    }

    public static Optional<Language> ofTag(String tag) {
        return Arrays.stream(values()).filter(l -> l.tag.equalsIgnoreCase(tag)).findFirst();
    }

    public static Language of(Locale locale) {
        return ofTag(locale.getLanguage()).orElse(fallback());
    }

    public static List<Locale> locales() {
        return Arrays.stream(values()).map(Language::locale).toList();
    }
}
