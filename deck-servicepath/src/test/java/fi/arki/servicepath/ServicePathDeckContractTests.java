package fi.arki.servicepath;

import fi.arki.deck.spi.DeckProvider;
import fi.arki.deck.testing.DeckContractTests;

/** The baseline every deck passes, read by the platform's own reader and schema. */
class ServicePathDeckContractTests extends DeckContractTests {

    @Override
    protected DeckProvider provider() {
        return new ServicePathDeck();
    }
}
