package fi.arki.session;

import fi.arki.deck.InstalledDeck;
import fi.arki.shared.Language;
import fi.arki.shared.Names;
import java.util.List;

/**
 * A session's title in a reader's language. A session the facilitator did not name gets the deck's
 * (and, for a one-card slot, the card's) title in the tenant's default language when it starts; that
 * stored text would greet a Swedish or English reader in Finnish, so a title that is still exactly
 * that default is written anew in the reader's language. A title the facilitator typed is theirs and
 * shown as typed.
 */
public final class SessionTitles {

    private SessionTitles() {
    }

    /** The title a session over these cards gets when the facilitator leaves it blank. */
    public static String defaultTitle(InstalledDeck deck, List<String> cardIds, Language language) {
        String title = deck.texts().text(language, "deck.title");
        if (cardIds.size() == 1 && deck.manifest().cards().size() > 1) {
            title = title + ": " + deck.texts().text(language, "card." + cardIds.getFirst() + ".title");
        }
        return title.length() > Names.MAX_LENGTH ? title.substring(0, Names.MAX_LENGTH) : title;
    }

    /**
     * {@code stored} in {@code reader}'s language where it is a default title (the whole deck's, or
     * one card's) written in the tenant's {@code defaultLanguage}; otherwise {@code stored} unchanged.
     * Compared against every default the deck can give, so no list of the session's cards is needed.
     */
    public static String inLanguage(String stored, InstalledDeck deck, Language defaultLanguage, Language reader) {
        if (reader == defaultLanguage) {
            return stored;
        }
        if (stored.equals(defaultTitle(deck, List.of(), defaultLanguage))) {
            return defaultTitle(deck, List.of(), reader);
        }
        for (var card : deck.manifest().cards()) {
            List<String> one = List.of(card.id());
            if (stored.equals(defaultTitle(deck, one, defaultLanguage))) {
                return defaultTitle(deck, one, reader);
            }
        }
        return stored;
    }
}
