package fi.arki.sharedcustomers;

import fi.arki.deck.spi.DeckProvider;
import fi.arki.deck.testing.DeckContractTests;

/** The baseline every deck passes, read by the platform's own reader and schema. */
class SharedCustomersDeckContractTests extends DeckContractTests {

    @Override
    protected DeckProvider provider() {
        return new SharedCustomersDeck();
    }
}
