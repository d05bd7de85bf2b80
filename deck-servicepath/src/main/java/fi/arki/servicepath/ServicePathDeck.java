package fi.arki.servicepath;

import fi.arki.deck.spi.DeckProvider;
import org.springframework.stereotype.Component;

/**
 * Serves the service path deck (thesis ch. 2.1–2.3). All of it is content: the manifest and the
 * texts in Finnish, Swedish and English lie in {@value #CONTENT_LOCATION}.
 */
@Component
class ServicePathDeck implements DeckProvider {

    static final String ID = "servicepath";
    static final String CONTENT_LOCATION = "decks/servicepath";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String contentLocation() {
        return CONTENT_LOCATION;
    }
}
