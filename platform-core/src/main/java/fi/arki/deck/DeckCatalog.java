package fi.arki.deck;

import java.util.List;
import java.util.Optional;

/**
 * What sessions and views need of the decks, for the tenant bound to the current call: the decks
 * it may run, and any exact version (a session pins the version it started with, so a version
 * stays readable after a newer one is installed or the deck is disabled).
 */
public interface DeckCatalog {

    /** The newest version of each deck enabled for the current tenant, in title order. */
    List<InstalledDeck> enabledForCurrentTenant();

    /**
     * An exact version visible to the current tenant (platform decks and the tenant's own),
     * whether or not the deck is still enabled or still runs on this platform version.
     */
    Optional<InstalledDeck> find(String deckId, String version);

    /** The current tenant's settings for a deck version: its own values where set, the version's defaults elsewhere. */
    DeckSettings settings(InstalledDeck deck);

    /** A picture of an exact deck version visible to the current tenant (an intro's {@code image}). */
    Optional<DeckImage> image(String deckId, String version, String name);
}
