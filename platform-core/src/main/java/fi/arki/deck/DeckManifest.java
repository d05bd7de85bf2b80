package fi.arki.deck;

import fi.arki.shared.Language;
import java.util.List;
import java.util.Optional;

/**
 * What a deck is (deck.yaml): id ({@code [a-z][a-z0-9-]*}, never changes), semantic version,
 * the platform versions it runs on, its languages, provenance, license, settings and cards.
 */
public record DeckManifest(String id, String version, String platformVersions, List<Language> locales,
                           Provenance provenance, String license, List<Setting> settings, List<Card> cards) {

    public DeckManifest {
        locales = List.copyOf(locales);
        settings = List.copyOf(settings);
        cards = List.copyOf(cards);
    }

    public Optional<Card> card(String cardId) {
        return cards.stream().filter(c -> c.id().equals(cardId)).findFirst();
    }
}
