package fi.arki.juuti;

import fi.arki.deck.spi.DeckProvider;
import org.springframework.stereotype.Component;

/**
 * Juuti's six dimensions of customer-centric HR management (Juuti 2015) as the thesis put them
 * to teams (ch. 3.1, ch. 6.3 and appendix 1). All of the deck is content; this bean only says where it lies.
 */
@Component
class JuutiDeck implements DeckProvider {

    static final String ID = "juuti";
    static final String CONTENT_LOCATION = "fi/arki/juuti/deck";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String contentLocation() {
        return CONTENT_LOCATION;
    }
}
