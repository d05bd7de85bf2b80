package fi.arki.ui.participant;

import fi.arki.deck.InstalledDeck;
import fi.arki.session.LiveState;
import fi.arki.shared.Language;
import fi.arki.shared.Names;
import java.util.List;

/**
 * A session's title as a participant reads it: a session started without a title of its own is
 * named after its deck (and card) in the organisation's default language; the participant sees
 * that name in their own language. A title someone typed is shown as typed.
 */
final class SessionTitle {

    private SessionTitle() {
    }

    static String of(LiveState state, InstalledDeck deck, Language viewer) {
        String stored = state.session().title();
        List<String> cards = state.steps().stream().map(LiveState.Step::cardId).distinct().toList();
        for (Language language : Language.values()) {
            if (stored.equals(deckTitle(deck, cards, language))) {
                return deckTitle(deck, cards, viewer);
            }
        }
        return stored;
    }

    /** The same name SessionManagement gives a session without a title, in the given language. */
    private static String deckTitle(InstalledDeck deck, List<String> cards, Language language) {
        String title = deck.texts().text(language, "deck.title");
        if (cards.size() == 1 && deck.manifest().cards().size() > 1) {
            title = title + ": " + deck.texts().text(language, "card." + cards.getFirst() + ".title");
        }
        return title.length() > Names.MAX_LENGTH ? title.substring(0, Names.MAX_LENGTH) : title;
    }
}
