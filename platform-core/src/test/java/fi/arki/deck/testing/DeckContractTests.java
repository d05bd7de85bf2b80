package fi.arki.deck.testing;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.deck.DeckProblem;
import fi.arki.deck.spi.DeckProvider;
import fi.arki.deck.internal.DeckFiles;
import fi.arki.deck.internal.DeckReader;
import fi.arki.shared.Language;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The baseline every deck passes (the contract test kit, shipped in platform-core's test-jar).
 * A deck module subclasses it in a few lines:
 *
 * <pre>
 * class JuutiDeckContractTests extends DeckContractTests {
 *     protected DeckProvider provider() {
 *         return new JuutiDeck();
 *     }
 * }
 * </pre>
 *
 * It reads the provider's content exactly as the platform's registry does at start-up, with the
 * same reader and schema, and fails with every problem listed (message keys with their arguments;
 * their texts are in ui-vaadin's {@code i18n/decks_en.properties}). A deck's own tests read the
 * deck the same way through {@link DeckUnderTest} and check only what that deck promises.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DeckContractTests {

    /** The deck's provider, as the deck module's Spring configuration creates it. */
    protected abstract DeckProvider provider();

    private DeckReader.Reading reading() {
        return DeckUnderTest.reading(provider());
    }

    private List<DeckProblem> problems(Predicate<String> key) {
        return reading().problems().stream().filter(p -> key.test(p.key())).toList();
    }

    @Test
    void the_content_folder_has_a_manifest() {
        assertThat(provider().classLoader().getResource(provider().contentLocation() + "/" + DeckFiles.MANIFEST))
                .as("%s/deck.yaml on the classpath of %s", provider().contentLocation(), provider().getClass().getName())
                .isNotNull();
    }

    @Test
    void the_deck_passes_every_check_the_platform_makes_at_start_up() {
        assertThat(reading().problems()).as("problems of deck %s", provider().id()).isEmpty();
        assertThat(reading().valid()).isTrue();
    }

    @Test
    void the_manifest_is_valid_against_the_published_schema() {
        assertThat(problems(k -> k.startsWith("deck.problem.schema") || k.startsWith("deck.problem.yaml")
                || k.equals("deck.problem.unknown-kind"))).isEmpty();
    }

    @Test
    void the_provider_id_is_the_manifest_id() {
        assertThat(reading().deck()).as("the deck could be read: %s", reading().problems()).isNotNull();
        assertThat(provider().id()).isEqualTo(reading().deck().manifest().id());
    }

    @Test
    void every_text_is_in_finnish_swedish_and_english() {
        assertThat(reading().deck()).as("the deck could be read: %s", reading().problems()).isNotNull();
        assertThat(reading().deck().manifest().locales()).containsExactlyInAnyOrder(Language.values());
        assertThat(problems(k -> k.equals("deck.problem.missing-text") || k.equals("deck.problem.missing-file")
                || k.equals("deck.problem.unknown-text"))).isEmpty();
    }

    @Test
    void ids_are_unique_and_references_resolve() {
        assertThat(problems(k -> k.startsWith("deck.problem.duplicate") || k.startsWith("deck.problem.of-"))).isEmpty();
    }

    @Test
    void every_setting_has_a_valid_default() {
        assertThat(problems(k -> k.startsWith("deck.problem.setting"))).isEmpty();
    }

    @Test
    void the_deck_runs_on_this_platform_version() {
        assertThat(problems(k -> k.startsWith("deck.problem.platform") || k.equals("deck.problem.version"))).isEmpty();
    }

    @Test
    void texts_are_plain_text_with_only_the_organisation_placeholders() {
        assertThat(problems(k -> k.startsWith("deck.problem.text") || k.equals("deck.problem.url"))).isEmpty();
    }

    /**
     * A dimension's label ({@code dimension.<id>}) is optional; given, it is given in every language
     * the deck declares, and only for a dimension one of its cards names.
     */
    @Test
    void dimension_labels_are_given_in_every_language_or_none() {
        assertThat(problems(k -> k.equals("deck.problem.missing-text") || k.equals("deck.problem.unknown-text")))
                .filteredOn(p -> p.args().get(1).startsWith("dimension.")).isEmpty();
    }
}
