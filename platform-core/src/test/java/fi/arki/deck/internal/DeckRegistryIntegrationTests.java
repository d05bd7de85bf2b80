package fi.arki.deck.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.deck.DeckIntegrationTest;
import fi.arki.deck.DeckProblem;
import fi.arki.deck.KitchenSinkDeck;
import fi.arki.deck.spi.DeckProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@DeckIntegrationTest
class DeckRegistryIntegrationTests {

    @Autowired DeckRegistry registry;
    @Autowired DeckReader reader;
    @Autowired PlatformDecks decks;
    @Autowired PlatformTransactionManager transactions;
    @Autowired ApplicationEventPublisher events;

    @Test
    void a_stored_version_never_changes_a_code_deck_with_other_content_under_the_same_version_is_refused() {
        DeckProvider changed = new KitchenSinkDeck() {
            @Override
            public String contentLocation() {
                return "decks/kitchen-sink-changed";
            }
        };
        try {
            new DeckRegistry(new StaticListableBeanFactory(Map.of("changed", changed)).getBeanProvider(DeckProvider.class),
                    reader, decks, transactions, events).run(null);
            TransactionTemplate tx = new TransactionTemplate(transactions);
            java.util.List<PlatformDecks.Failure> failures = tx.execute(s -> decks.failures());
            assertThat(failures).singleElement().satisfies(f -> {
                assertThat(f.deckId()).isEqualTo("kitchen-sink");
                assertThat(DeckContents.problemsOf(f.problemsJson()))
                        .containsExactly(DeckProblem.of("deck.problem.code-deck-changed", "kitchen-sink", "1.0.0"));
            });
            assertThat(tx.execute(s -> decks.find("kitchen-sink", "1.0.0")).orElseThrow().textsJson())
                    .contains("Testipakka").doesNotContain("Muutettu");
        } finally {
            registry.run(null);
        }
    }
}
