package fi.arki.ui.session;

import com.vaadin.flow.component.Component;
import fi.arki.deck.Activity;
import fi.arki.deck.RatingScale;
import fi.arki.session.LiveState;
import java.util.List;

/** A rating or a pulse: the distribution, once revealed. */
final class ConsoleRatingPanel extends ConsolePanel {

    ConsoleRatingPanel(ConsoleActions console) {
        super(console);
        add(content());
    }

    @Override
    Object signature() {
        return List.of(now(state).revealed(), state.ratings(step().index()));
    }

    @Override
    Component build() {
        LiveState.Step step = now(state);
        RatingScale scale = switch (console.texts.activity(step)) {
            case Activity.Rate rate -> rate.scale();
            case Activity.Pulse pulse -> pulse.scale();
            default -> throw new IllegalStateException("not a rating step: " + step.kind());
        };
        return StepParts.rating(this, state, step, scale, step.revealed());
    }
}
