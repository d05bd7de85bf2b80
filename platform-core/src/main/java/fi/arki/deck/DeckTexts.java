package fi.arki.deck;

import fi.arki.shared.Language;
import fi.arki.shared.OrganisationName;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A deck's texts per language, keyed as in {@code messages_<lang>.properties}: {@code deck.title},
 * {@code card.<card>.title}, {@code card.<card>.<activity>} (+ {@code .help}, {@code .source}),
 * {@code setting.<key>} (+ {@code .help}), and {@code dimension.<id>} for each dimension a card
 * names (what a development target committed on that card is about). Plain text only;
 * placeholders name the organisation.
 */
public record DeckTexts(Map<Language, Map<String, String>> byLanguage) {

    public DeckTexts {
        Map<Language, Map<String, String>> copy = new EnumMap<>(Language.class);
        byLanguage.forEach((language, texts) -> copy.put(language, Map.copyOf(texts)));
        byLanguage = Map.copyOf(copy);
    }

    public Optional<String> find(Language language, String key) {
        return Optional.ofNullable(byLanguage.getOrDefault(language, Map.of()).get(key));
    }

    /**
     * The text in the wanted language, else in Finnish, else in any language the deck has (a deck
     * written only in English still shows English to a Finnish user), else the key itself.
     */
    public String text(Language language, String key) {
        return find(language, key).or(() -> find(Language.fallback(), key))
                .or(() -> java.util.Arrays.stream(Language.values()).map(l -> find(l, key))
                        .flatMap(Optional::stream).findFirst())
                .orElse(key);
    }

    /** The languages in which the deck has texts. */
    public java.util.Set<Language> languages() {
        return byLanguage.isEmpty() ? java.util.Set.of() : java.util.EnumSet.copyOf(byLanguage.keySet());
    }

    /** The text with the organisation placeholders filled in. */
    public String text(Language language, String key, OrganisationName organisation) {
        return organisation.fill(text(language, key), language);
    }
}
