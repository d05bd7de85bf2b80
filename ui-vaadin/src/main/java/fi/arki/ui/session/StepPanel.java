package fi.arki.ui.session;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import fi.arki.session.LiveState;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The part of a live view for one kind of step. A view builds each kind's panel once and keeps it
 * for the whole session, hidden while another kind of step is on: a step change shows a panel that
 * the browser already has and sends only what differs, instead of a new panel for every viewer.
 */
abstract class StepPanel extends Div {

    private LiveState.Step step;

    /** Now showing this step (of this panel's kind). */
    void show(LiveState.Step step) {
        this.step = step;
    }

    LiveState.Step step() {
        return step;
    }

    /** The step as the given state has it now (revealed and locked change while it is on). */
    LiveState.Step now(LiveState state) {
        return state.step(step.index()).orElse(step);
    }

    /** The session has changed, or the panel has just been shown: change what differs. */
    abstract void update(LiveState state);

    /**
     * A part that is built again, as a whole, only when what it shows has changed (its signature):
     * typing and keyboard focus elsewhere on the page survive other people's changes.
     */
    static final class Rebuilt extends Div {

        private final Supplier<Object> signature;
        private final Supplier<Component> build;
        private Object shown;

        Rebuilt(Supplier<Object> signature, Supplier<Component> build) {
            this.signature = signature;
            this.build = build;
        }

        void refresh() {
            Object now = signature.get();
            if (!Objects.equals(now, shown)) {
                shown = now;
                removeAll();
                add(build.get());
            }
        }
    }
}
