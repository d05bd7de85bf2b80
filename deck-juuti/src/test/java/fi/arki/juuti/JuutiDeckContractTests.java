package fi.arki.juuti;

import fi.arki.deck.spi.DeckProvider;
import fi.arki.deck.testing.DeckContractTests;

/** The platform's baseline for every deck: read and validated exactly as the registry does at start-up. */
class JuutiDeckContractTests extends DeckContractTests {

    @Override
    protected DeckProvider provider() {
        return new JuutiDeck();
    }
}
