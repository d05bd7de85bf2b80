package fi.arki.ui.session;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.server.VaadinService;
import fi.arki.session.GroupingSuggestionManagement;
import fi.arki.session.LiveState;
import fi.arki.session.SuggestedGroup;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * "Suggest groups" on the grouping step: similar answers proposed by our own server (Lucene's
 * analyzers, GroupingSuggestionManagement), each suggestion with its answers' whole texts and an
 * accept and a reject button. Accepting creates the group and moves the answers into it through
 * the grouping service, exactly as doing it by hand; a rejected suggestion is not offered again
 * while the console is open.
 */
final class GroupSuggestionsBox extends Div {

    private final ConsoleActions console;
    private final IntSupplier step;
    private final Supplier<LiveState> state;
    private final Set<Set<UUID>> rejected = new HashSet<>();
    private final Div list = new Div();

    GroupSuggestionsBox(ConsoleActions console, IntSupplier step, Supplier<LiveState> state) {
        this.console = console;
        this.step = step;
        this.state = state;
        addClassName("arki-group-suggestions");
        Button ask = new Button(getTranslation("console.suggest.ask"), e -> show());
        ask.setId("group-suggest");
        list.setId("group-suggestion-list");
        add(new Paragraph(getTranslation("console.suggest.help")), ask, list);
    }

    private void show() {
        List<SuggestedGroup> found = new ArrayList<>();
        GroupingSuggestionManagement suggestions = VaadinService.getCurrent().getInstantiator()
                .getOrCreate(GroupingSuggestionManagement.class);
        if (!console.attempt(() -> found.addAll(suggestions.suggest(console.info.id(), step.getAsInt())))) {
            return;
        }
        list.removeAll();
        List<SuggestedGroup> open = found.stream().filter(s -> !rejected.contains(Set.copyOf(s.answers()))).toList();
        if (open.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("console.suggest.none"));
            none.setId("group-suggestions-none");
            list.add(none);
            return;
        }
        Map<UUID, String> texts = state.get().answers().stream()
                .collect(Collectors.toMap(LiveState.Answer::id, LiveState.Answer::text, (a, b) -> a));
        for (int i = 0; i < open.size(); i++) {
            list.add(card(open.get(i), i, texts));
        }
    }

    private Div card(SuggestedGroup suggestion, int i, Map<UUID, String> texts) {
        Div card = new Div();
        card.setId("suggestion-" + i);
        card.addClassName("arki-group-suggestion");
        UnorderedList answers = new UnorderedList();
        suggestion.answers().forEach(a -> answers.add(new ListItem(texts.getOrDefault(a, ""))));
        Button accept = new Button(getTranslation("console.suggest.accept"), e -> {
            UUID group = UUID.randomUUID();
            if (console.attempt(() -> {
                console.facilitation.saveGroup(console.info.id(), step.getAsInt(), group, suggestion.label());
                suggestion.answers().forEach(a -> console.facilitation.assign(console.info.id(), step.getAsInt(), a, group));
            })) {
                list.remove(card);
            }
        });
        accept.setId("suggestion-accept-" + i);
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        accept.setAriaLabel(getTranslation("console.suggest.accept-named", suggestion.label()));
        Button reject = new Button(getTranslation("console.suggest.reject"), e -> {
            rejected.add(Set.copyOf(suggestion.answers()));
            list.remove(card);
        });
        reject.setId("suggestion-reject-" + i);
        reject.setAriaLabel(getTranslation("console.suggest.reject-named", suggestion.label()));
        Div buttons = new Div(accept, reject);
        buttons.addClassName("arki-controls");
        card.add(new H4(suggestion.label()), answers, buttons);
        return card;
    }
}
