package fi.arki.ui.session;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import fi.arki.session.LiveState;

/**
 * Tells the facilitator of an anonymous session that answers written after the reveal are held
 * (see HeldAnswers in platform-core): the count only when there are enough of them that it names
 * nobody, and a button that shows them together once a reveal will.
 */
final class HeldNote {

    private HeldNote() {
    }

    /** Empty when nothing is held. */
    static Div of(Component i18n, LiveState state, LiveState.Step step, Runnable release) {
        Div box = new Div();
        box.setId("held-answers");
        int held = state.held(step.index());
        if (held == 0) {
            return box;
        }
        box.add(new Paragraph(held >= LiveState.HELD_BATCH ? i18n.getTranslation("session.held.count", held)
                : i18n.getTranslation("session.held.one")));
        if (held >= LiveState.HELD_BATCH) {
            Button show = new Button(i18n.getTranslation("session.held.release"), e -> release.run());
            show.setId("held-release");
            box.add(show);
        }
        return box;
    }
}
