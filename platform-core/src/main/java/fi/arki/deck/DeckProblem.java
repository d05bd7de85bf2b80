package fi.arki.deck;

import java.util.List;

/**
 * One thing wrong with a deck or a deck package: a message key ({@code deck.problem.…}, texts in
 * the UI's {@code decks_<lang>.properties}) and its arguments, e.g. where in the manifest and what
 * was expected. A deck is checked completely, so an author sees every problem at once.
 */
public record DeckProblem(String key, List<String> args) {

    public DeckProblem {
        args = List.copyOf(args);
    }

    public static DeckProblem of(String key, Object... args) {
        return new DeckProblem(key, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    @Override
    public String toString() {
        return key + args;
    }
}
