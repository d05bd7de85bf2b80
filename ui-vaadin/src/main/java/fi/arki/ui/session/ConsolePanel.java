package fi.arki.ui.session;

import com.vaadin.flow.component.Component;
import fi.arki.session.LiveState;

/**
 * A panel of the facilitator's console for one kind of step (the participant side's
 * {@link StepPanel} pattern): built once, kept while hidden, refreshed when what it shows changes.
 */
abstract class ConsolePanel extends StepPanel {

    final ConsoleActions console;
    LiveState state;
    private final StepPanel.Rebuilt content;

    ConsolePanel(ConsoleActions console) {
        this.console = console;
        content = new StepPanel.Rebuilt(() -> java.util.List.of(step().index(), signature()), this::build);
    }

    /** Adds the rebuilt part where the panel wants it (most panels: as their only content). */
    Component content() {
        return content;
    }

    /** What the rebuilt part shows; it is built again only when this changes. */
    abstract Object signature();

    abstract Component build();

    @Override
    void update(LiveState state) {
        this.state = state;
        content.refresh();
        console.refocus(this);
    }
}
