package fi.arki.deck;

import fi.arki.shared.InvalidInputException;
import java.util.List;

/**
 * A deck or deck package that cannot be installed, with every problem found. Its own key says how
 * many problems there are; the UI lists each problem's key in the user's language.
 */
public class InvalidDeckException extends InvalidInputException {

    private final List<DeckProblem> problems;

    public InvalidDeckException(List<DeckProblem> problems) {
        super("deck.error.invalid", problems.size());
        this.problems = List.copyOf(problems);
    }

    public List<DeckProblem> problems() {
        return problems;
    }

    @Override
    public String getMessage() {
        return super.getMessage() + " " + problems;
    }
}
