package fi.arki.ui.session;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import fi.arki.session.LiveState;

/**
 * A step's heading (where we are, the card, the question, its help), kept from step to step: a
 * step change sends only the texts that differ, not a new heading.
 */
final class StepHeading extends Div {

    private final Span progress = new Span();
    private final H2 card = new H2();
    private final H3 question = new H3();
    private final Paragraph help = new Paragraph();

    StepHeading() {
        addClassName("arki-step-heading");
        progress.addClassName("arki-step-progress");
        progress.setId("step-progress");
        card.setId("card-title");
        question.setId("step-question");
        help.setId("step-help");
        help.setVisible(false);
        add(progress, card, question, help);
    }

    void show(SessionTexts texts, LiveState.Step step, int count) {
        SessionTexts.StepText text = texts.step(step);
        Ui.text(progress, texts.progress(step.index(), count, (n, of) -> getTranslation("session.step.progress", n, of)));
        Ui.text(card, text.cardTitle());
        Ui.text(question, text.question());
        Ui.text(help, text.help().orElse(""));
        Ui.visible(help, text.help().isPresent());
    }
}
