package fi.arki.ui.decks;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import fi.arki.deck.DeckOrigin;
import fi.arki.deck.DeckProblem;
import fi.arki.deck.InstalledDeck;
import fi.arki.deck.InvalidDeckException;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.Language;
import java.util.List;

/** Deck texts and deck problems in the user's language, for the deck views. */
final class DeckTexts {

    private DeckTexts() {
    }

    static String problem(Component c, DeckProblem problem) {
        return c.getTranslation(problem.key(), problem.args().toArray());
    }

    /** Every problem of a refused input, one list item each (an input error without a list is one item). */
    static UnorderedList problems(Component c, InvalidInputException e) {
        UnorderedList list = new UnorderedList();
        List<DeckProblem> problems = e instanceof InvalidDeckException d ? d.problems()
                : List.of(new DeckProblem(e.messageKey(), e.arguments().stream().map(String::valueOf).toList()));
        problems.forEach(p -> {
            ListItem item = new ListItem(problem(c, p));
            item.addClassName("arki-problem");
            list.add(item);
        });
        return list;
    }

    static String title(InstalledDeck deck, Language language) {
        return deck.texts().text(language, "deck.title");
    }

    static String origin(Component c, DeckOrigin origin) {
        return c.getTranslation("decks.origin." + origin.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }

    static String languages(InstalledDeck deck) {
        return String.join(", ", deck.manifest().locales().stream().map(l -> switch (l) {
            case FI -> "suomi";
            case SV -> "svenska";
            case EN -> "English";
        }).toList());
    }
}
