package fi.arki.ui.session;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import fi.arki.followup.DevelopmentTarget;
import fi.arki.followup.ReviewOutcome;
import java.util.List;

/** Reviewing the team's earlier targets: done / continue / drop, with a note. */
final class ConsoleReviewPanel extends ConsolePanel {

    ConsoleReviewPanel(ConsoleActions console) {
        super(console);
        add(content());
    }

    @Override
    Object signature() {
        return List.of(state.earlierTargets(), state.reviews());
    }

    @Override
    Component build() {
        Div box = new Div();
        box.setId("review");
        if (state.earlierTargets().isEmpty()) {
            box.add(new Paragraph(getTranslation("session.review.none")));
            return box;
        }
        UnorderedList list = new UnorderedList();
        int i = 0;
        for (DevelopmentTarget target : state.earlierTargets()) {
            Select<ReviewOutcome> outcome = new Select<>();
            outcome.setLabel(target.title());
            outcome.setItems(ReviewOutcome.values());
            outcome.setItemLabelGenerator(o -> getTranslation("session.review.outcome." + o.code()));
            outcome.setId("review-outcome-" + i);
            TextArea note = new TextArea(getTranslation("session.review.note"));
            note.setId("review-note-" + i++);
            note.setMaxLength(2000);
            state.review(target.id()).ifPresent(r -> {
                outcome.setValue(r.outcome());
                note.setValue(r.note() == null ? "" : r.note());
            });
            Button save = new Button(getTranslation("session.review.save"), e -> {
                if (outcome.getValue() == null) {
                    outcome.setErrorMessage(getTranslation("console.review.choose"));
                    outcome.setInvalid(true);
                    return;
                }
                console.act(() -> console.facilitation.reviewTarget(console.info.id(), target.id(), outcome.getValue(), note.getValue()));
            });
            list.add(new ListItem(outcome, note, save));
        }
        box.add(list);
        return box;
    }
}
