package fi.arki.deck;

import fi.arki.deck.spi.DeckProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Code decks for the deck integration tests: a valid one, a broken one, and one whose folder does not exist. */
@TestConfiguration(proxyBeanMethods = false)
public class DeckTestConfiguration {

    @Bean
    KitchenSinkDeck kitchenSinkDeck() {
        return new KitchenSinkDeck();
    }

    @Bean
    DeckProvider brokenDeck() {
        return new DeckProvider() {
            public String id() {
                return "broken";
            }

            public String contentLocation() {
                return "decks/broken";
            }
        };
    }

    @Bean
    DeckProvider missingDeck() {
        return new DeckProvider() {
            public String id() {
                return "missing";
            }

            public String contentLocation() {
                return "decks/does-not-exist";
            }
        };
    }
}
