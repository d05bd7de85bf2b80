package fi.arki.ui.session;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import fi.arki.deck.Activity;
import fi.arki.session.LiveState;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A vote: how many have voted, and the totals (most first) once revealed. */
final class ConsoleVotePanel extends ConsolePanel {

    ConsoleVotePanel(ConsoleActions console) {
        super(console);
        add(content());
    }

    @Override
    Object signature() {
        return List.of(now(state).revealed(), state.votes(step().index()));
    }

    @Override
    Component build() {
        LiveState.Step step = now(state);
        Activity.Vote vote = (Activity.Vote) console.texts.activity(step);
        Div box = new Div();
        box.setId("vote-results");
        long voters = state.votes(step.index()).stream().map(LiveState.Vote::participant).distinct().count();
        box.add(new Paragraph(getTranslation("session.vote.voters", voters)));
        LiveState.Step source = StepParts.sourceOf(state, step, vote.of()).orElse(null);
        if (!step.revealed() || source == null) {
            return box;
        }
        Map<UUID, Integer> totals = state.totals(step.index());
        OrderedList list = new OrderedList();
        StepParts.voteItems(state, source).stream()
                .sorted((a, b) -> Integer.compare(totals.getOrDefault(b.id(), 0), totals.getOrDefault(a.id(), 0)))
                .forEach(item -> {
                    ListItem li = new ListItem(new Span(item.text()), StepParts.badge(getTranslation("session.vote.total",
                            totals.getOrDefault(item.id(), 0))));
                    li.addClassName("arki-vote-result");
                    list.add(li);
                });
        box.add(list);
        return box;
    }
}
