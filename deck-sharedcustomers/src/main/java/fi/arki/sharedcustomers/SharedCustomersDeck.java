package fi.arki.sharedcustomers;

import fi.arki.deck.spi.DeckProvider;
import org.springframework.stereotype.Component;

/**
 * Serves the shared customers deck (the customer strategy's priority "yhteiset asiakkuudet" and the
 * workshop findings of thesis ch. 6.2). All of it is content, in {@value #CONTENT_LOCATION}. The
 * deck is meant for a session co-owned by several teams or units; attributing input to units
 * rather than persons is the session's job, not the deck's.
 */
@Component
class SharedCustomersDeck implements DeckProvider {

    static final String ID = "sharedcustomers";
    static final String CONTENT_LOCATION = "decks/sharedcustomers";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String contentLocation() {
        return CONTENT_LOCATION;
    }
}
