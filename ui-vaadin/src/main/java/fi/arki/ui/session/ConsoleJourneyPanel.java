package fi.arki.ui.session;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import fi.arki.deck.Activity;
import fi.arki.session.LiveState;
import java.util.List;

/** A service path: the touchpoints, each with the facilitator's peak / end / improve marks. */
final class ConsoleJourneyPanel extends ConsolePanel {

    ConsoleJourneyPanel(ConsoleActions console) {
        super(console);
        add(content());
    }

    @Override
    Object signature() {
        return state.touchpoints(step().index());
    }

    @Override
    Component build() {
        LiveState.Step step = now(state);
        Activity.JourneyMap map = (Activity.JourneyMap) console.texts.activity(step);
        return StepParts.journey(this, state, step, map, t -> marks(step, t));
    }

    private Component marks(LiveState.Step step, LiveState.Touchpoint t) {
        Div marks = new Div();
        marks.addClassName("arki-marks");
        for (String flag : List.of("peak", "end", "improve")) {
            boolean value = switch (flag) {
                case "peak" -> t.peak();
                case "end" -> t.end();
                default -> t.improve();
            };
            Checkbox box = new Checkbox(getTranslation("session.touchpoint." + flag), value);
            box.setAriaLabel(getTranslation("session.touchpoint." + flag) + ": " + t.label());
            box.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    console.act(() -> console.facilitation.markTouchpoint(console.info.id(), step.index(), t.id(), flag, e.getValue()));
                }
            });
            marks.add(box);
        }
        return marks;
    }
}
