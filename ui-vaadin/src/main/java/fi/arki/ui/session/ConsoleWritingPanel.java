package fi.arki.ui.session;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import fi.arki.deck.Activity;
import fi.arki.session.LiveState;
import java.util.List;

/** A writing step (prompt or start-continue-stop): how many have answered, and the answers once revealed. */
final class ConsoleWritingPanel extends ConsolePanel {

    ConsoleWritingPanel(ConsoleActions console) {
        super(console);
        add(content());
    }

    private boolean lanes() {
        return console.texts.activity(step()) instanceof Activity.StartContinueStop;
    }

    @Override
    Object signature() {
        LiveState.Step now = now(state);
        return List.of(lanes(), now.revealed(), now.locked(), state.answers(step().index()), state.held(step().index()));
    }

    @Override
    Component build() {
        LiveState.Step now = now(state);
        Div box = new Div();
        Paragraph count = new Paragraph(getTranslation("session.answers.count", state.answers(now.index()).size(),
                state.respondents(now.index())));
        count.setId("answer-count");
        // answers written after the reveal of an anonymous session wait for the next reveal (issue 11 item 4)
        box.add(count, HeldNote.of(this, state, now,
                () -> console.act(() -> console.facilitation.reveal(console.info.id(), now.index(), true))));
        if (now.revealed()) {
            box.add(StepParts.answers(this, state.answers(now.index()), lanes(), state.participantsById(), !console.info.anonymous(),
                    "all-answers"));
        } else {
            box.add(new Paragraph(getTranslation("session.answers.hidden")));
        }
        return box;
    }
}
