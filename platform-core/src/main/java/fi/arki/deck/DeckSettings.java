package fi.arki.deck;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A deck's settings as a tenant has them: every setting of the deck version, the tenant's value
 * where it has set one and the deck's default elsewhere. Values are stored as text and read typed.
 */
public record DeckSettings(String deckId, List<Setting> definitions, Map<String, String> values) {

    public DeckSettings {
        definitions = List.copyOf(definitions);
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }

    public Optional<Setting> definition(String key) {
        return definitions.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    public String text(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("Deck " + deckId + " has no setting " + key);
        }
        return value;
    }

    public int integer(String key) {
        return Integer.parseInt(text(key));
    }

    public boolean bool(String key) {
        return Boolean.parseBoolean(text(key));
    }

    /** Whether the tenant has changed the setting from the deck's default. */
    public boolean changed(String key) {
        return definition(key).map(d -> !d.defaultValue().equals(values.get(key))).orElse(false);
    }
}
