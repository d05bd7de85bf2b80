package fi.arki.shared;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A text in one or more of Arki's languages. */
public record LocalizedText(Map<Language, String> values) {

    public LocalizedText {
        Objects.requireNonNull(values, "values");
        values = values.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(values));
    }

    public static LocalizedText of(String fi, String sv, String en) {
        return new LocalizedText(Map.of(Language.FI, fi, Language.SV, sv, Language.EN, en));
    }

    public Optional<String> in(Language language) {
        return Optional.ofNullable(values.get(language));
    }

    /** The text in the wanted language, else Finnish, else any language present, else empty. */
    public String best(Language language) {
        return in(language)
                .or(() -> in(Language.fallback()))
                .or(() -> values.values().stream().findFirst())
                .orElse("");
    }

    public boolean covers(Language language) {
        String v = values.get(language);
        return v != null && !v.isBlank();
    }
}
