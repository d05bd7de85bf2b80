package fi.arki.session.internal;

import fi.arki.deck.Activity;
import fi.arki.deck.DeckCatalog;
import fi.arki.deck.InstalledDeck;
import fi.arki.session.SessionInfo;
import fi.arki.shared.InvalidInputException;
import fi.arki.tenancy.TenantContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The exact deck version each session pinned, and the activity of a step in it. Versions never
 * change, so a deck is kept (per tenant) once read.
 */
@Component
public class PinnedDecks {

    private final ObjectProvider<DeckCatalog> catalog;
    private final Map<String, InstalledDeck> decks = new ConcurrentHashMap<>();

    PinnedDecks(ObjectProvider<DeckCatalog> catalog) {
        this.catalog = catalog;
    }

    public InstalledDeck of(SessionInfo session) {
        return deck(session.deckId(), session.deckVersion());
    }

    public InstalledDeck deck(String deckId, String version) {
        String key = TenantContext.require() + "/" + deckId + "/" + version;
        InstalledDeck known = decks.get(key);
        if (known != null) {
            return known;
        }
        DeckCatalog registry = catalog.getIfAvailable();
        InstalledDeck found = registry == null ? null : registry.find(deckId, version).orElse(null);
        if (found == null) {
            throw new InvalidInputException("session.error.deck-missing", deckId, version);
        }
        decks.put(key, found);
        return found;
    }

    /** Keeps a deck a session of the bound tenant has just pinned (its start read it already). */
    public void remember(InstalledDeck deck) {
        decks.put(TenantContext.require() + "/" + deck.id() + "/" + deck.version(), deck);
    }

    /** The activity of one step of a session, from its pinned deck. */
    public Activity activity(SessionInfo session, String cardId, String activityId) {
        return of(session).manifest().card(cardId).flatMap(c -> c.activity(activityId))
                .orElseThrow(() -> new IllegalStateException("Step not in the pinned deck: " + cardId + "/" + activityId));
    }
}
