package fi.arki.ui.session;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Section;
import fi.arki.session.LiveState;
import java.util.ArrayList;
import java.util.List;

/**
 * The session's steps, grouped by card (each card collapsible, the current one open), each step
 * named by its kind and its own question so that no two read the same. Numbers run through the
 * whole session, as "step n / m" does. Built once; a step change only moves the "current" mark.
 */
final class ConsoleStepList extends Section {

    private final ConsoleActions console;
    private final List<ListItem> items = new ArrayList<>();
    private final List<Details> cards = new ArrayList<>();
    private final List<Integer> cardOf = new ArrayList<>();
    private int marked = -1;

    ConsoleStepList(ConsoleActions console) {
        this.console = console;
        addClassName("arki-step-list");
        setId("step-list");
        add(new H2(getTranslation("session.steps")));
    }

    void render(LiveState state) {
        if (items.size() != state.steps().size()) {
            build(state);
        }
        int current = state.session().running() ? state.currentStep() : -1;
        if (current == marked) {
            return;
        }
        mark(marked, false);
        mark(current, true);
        marked = current;
    }

    private void build(LiveState state) {
        cards.forEach(this::remove);
        items.clear();
        cards.clear();
        cardOf.clear();
        String card = null;
        OrderedList list = null;
        for (LiveState.Step step : state.steps()) {
            if (!step.cardId().equals(card)) {
                card = step.cardId();
                list = new OrderedList();
                // numbering continues across cards: the list says "12." where the heading says "step 12 / 20"
                list.getElement().setAttribute("start", String.valueOf(step.index() + 1));
                Details details = new Details(console.texts.cardTitle(card), list);
                details.addClassName("arki-step-card");
                details.setId("step-card-" + cards.size());
                cards.add(details);
                add(details);
            }
            Button go = new Button(getTranslation("session.kind." + step.kind().code()) + ": " + console.texts.question(step),
                    e -> console.act(() -> console.facilitation.goTo(console.info.id(), step.index())));
            go.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            go.setId("go-step-" + step.index());
            ListItem item = new ListItem(go);
            items.add(item);
            cardOf.add(cards.size() - 1);
            list.add(item);
        }
        marked = -1;
    }

    private void mark(int index, boolean current) {
        if (index < 0 || index >= items.size()) {
            return;
        }
        ListItem item = items.get(index);
        item.setClassName("arki-current", current);
        Button go = (Button) item.getComponentAt(0);
        if (current) {
            go.getElement().setAttribute("aria-current", "step");
            cards.get(cardOf.get(index)).setOpened(true);
        } else {
            go.getElement().removeAttribute("aria-current");
        }
    }
}
