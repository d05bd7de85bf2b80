package fi.arki.ui.session;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.VaadinService;
import fi.arki.session.LiveState;
import fi.arki.session.NoNewTargetManagement;

/**
 * The explicit "no new target" of a commit-targets step (issue 11 item 1): on the console, the
 * button that records it (or withdraws it) beside the target form; on the console and the presenter,
 * the line that says it was decided. Committing a target withdraws it by itself (the service's rule).
 */
final class NoNewTargetBox extends Div {

    private final ConsoleActions console;
    private final Paragraph decided = line(this);
    private final Button toggle = new Button();
    private int step = -1;
    private boolean isDecided;

    NoNewTargetBox(ConsoleActions console) {
        this.console = console;
        addClassName("arki-no-new-target-box");
        toggle.setId("no-new-target-toggle");
        toggle.addClickListener(e -> toggle());
        add(toggle, decided);
    }

    /** The line participants, the presenter and the console show when the team decided on no new target. */
    static Paragraph line(Component i18n) {
        Paragraph line = new Paragraph(i18n.getTranslation("session.no-new-target"));
        line.setId("no-new-target");
        line.addClassName("arki-no-new-target");
        return line;
    }

    void show(LiveState state, LiveState.Step current) {
        step = current.index();
        isDecided = state.noNewTarget(step);
        decided.setVisible(isDecided);
        toggle.setText(getTranslation(isDecided ? "session.no-new-target.withdraw" : "session.no-new-target.record"));
        // with a target committed there is nothing to decide: the service would refuse it
        toggle.setEnabled(isDecided || state.committedTargets().isEmpty());
    }

    private void toggle() {
        NoNewTargetManagement decisions = VaadinService.getCurrent().getInstantiator().getOrCreate(NoNewTargetManagement.class);
        boolean withdraw = isDecided;
        console.focusAfterRebuild("no-new-target-toggle");
        console.act(() -> {
            if (withdraw) {
                decisions.withdraw(console.info.id(), step);
            } else {
                decisions.decide(console.info.id(), step);
            }
        });
    }
}
