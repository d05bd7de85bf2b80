package fi.arki.deck;

import fi.arki.deck.spi.DeckProvider;
import fi.arki.deck.testing.DeckContractTests;

/** The contract kit proven on the platform's own test deck: this is all a deck module writes. */
class KitchenSinkDeckContractTests extends DeckContractTests {

    @Override
    protected DeckProvider provider() {
        return new KitchenSinkDeck();
    }
}
