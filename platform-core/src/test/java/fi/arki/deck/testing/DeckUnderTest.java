package fi.arki.deck.testing;

import fi.arki.deck.Activity;
import fi.arki.deck.Card;
import fi.arki.deck.DeckManifest;
import fi.arki.deck.DeckTexts;
import fi.arki.deck.internal.DeckFiles;
import fi.arki.deck.internal.DeckReader;
import fi.arki.deck.spi.DeckProvider;
import fi.arki.shared.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A deck module's content as its own tests read it: through the platform's reader, exactly as the
 * registry at start-up and the {@linkplain DeckContractTests contract kit} read it. The format's
 * rules (every text in every language, plain text, placeholders, references…) live in one place,
 * {@code DeckReader}, and an uploaded deck meets the same ones; a deck's own tests say only what
 * that deck promises (its cards, scales, sources, the thesis's questions):
 *
 * <pre>
 * final DeckUnderTest deck = DeckUnderTest.of(new ServicePathDeck());
 *
 * assertThat(deck.activity("effort", "estimate")).isEqualTo(new Activity.Rate("estimate", RatingScale.CES));
 * </pre>
 *
 * A deck the reader refuses fails here at once with every problem listed.
 */
public final class DeckUnderTest {

    private static final Map<String, DeckReader.Reading> READINGS = new ConcurrentHashMap<>();

    private final DeckReader.ReadDeck deck;

    private DeckUnderTest(DeckReader.ReadDeck deck) {
        this.deck = deck;
    }

    /** The provider's deck, read and checked; an {@link AssertionError} naming every problem if it does not read. */
    public static DeckUnderTest of(DeckProvider provider) {
        DeckReader.Reading reading = reading(provider);
        if (!reading.valid()) {
            throw new AssertionError("deck " + provider.id() + " from " + provider.contentLocation()
                    + " does not pass the platform's reader: " + reading.problems());
        }
        return new DeckUnderTest(Objects.requireNonNull(reading.deck()));
    }

    /** What the platform's reader makes of the provider's content folder (read once per folder and JVM). */
    static DeckReader.Reading reading(DeckProvider provider) {
        return READINGS.computeIfAbsent(provider.getClass().getName() + "|" + provider.contentLocation(), key -> {
            try {
                DeckFiles files = DeckFiles.fromClasspath(provider.classLoader(), provider.contentLocation(), DeckReader::imagesNamedIn);
                return new DeckReader(DeckReader.runningPlatformVersion()).read(files);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public DeckManifest manifest() {
        return deck.manifest();
    }

    public DeckTexts texts() {
        return deck.texts();
    }

    public List<Card> cards() {
        return deck.manifest().cards();
    }

    public List<String> cardIds() {
        return cards().stream().map(Card::id).toList();
    }

    public Card card(String cardId) {
        return deck.manifest().card(cardId).orElseThrow(() -> new AssertionError("no card " + cardId));
    }

    public Activity activity(String cardId, String activityId) {
        return card(cardId).activity(activityId)
                .orElseThrow(() -> new AssertionError("no activity " + activityId + " on card " + cardId));
    }

    /** The dimensions the cards name, each once, in card order. */
    public List<String> dimensions() {
        return cards().stream().map(Card::dimension).filter(Objects::nonNull).distinct().toList();
    }

    /** Every text of one language, sorted by key. */
    public Map<String, String> texts(Language language) {
        return new TreeMap<>(deck.texts().byLanguage().getOrDefault(language, Map.of()));
    }

    /** One text as written (placeholders not filled in); fails if the language lacks it. */
    public String text(Language language, String key) {
        return deck.texts().find(language, key).orElseThrow(() -> new AssertionError(language + " has no text " + key));
    }

    /** The source of every intro, by its key ({@code card.<card>.<activity>.source}), in card order. */
    public Map<String, String> introSources(Language language) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (Card card : cards()) {
            for (Activity activity : card.activities()) {
                if (activity instanceof Activity.Intro) {
                    String key = "card." + card.id() + "." + activity.id() + ".source";
                    sources.put(key, text(language, key));
                }
            }
        }
        return sources;
    }
}
