package fi.arki.deck;

import fi.arki.deck.spi.DeckProvider;

/** The platform's own test deck (every activity kind, every setting type); not a Spring bean unless a test registers it. */
public class KitchenSinkDeck implements DeckProvider {

    @Override
    public String id() {
        return "kitchen-sink";
    }

    @Override
    public String contentLocation() {
        return "decks/kitchen-sink";
    }
}
