package fi.arki.ui.session;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import fi.arki.session.LiveState;
import fi.arki.session.QrCodes;
import java.time.Instant;
import java.util.Objects;

/**
 * The top of the console: the session's title and state, the join code with a small QR code (the
 * large one is on the presenter view), and the current step with its primary actions — previous,
 * next, reveal, close answering. A closed session says so here and offers the summary.
 */
final class ConsoleHeader extends Div {

    private final ConsoleActions console;
    private final Span presence = new Span();
    private final Span timer = new Span();
    private final Span connection = new Span();
    private final Span state = new Span();
    private final Div controls = new Div();
    private final Div closedBox = new Div();
    private final Button previous;
    private final Button next;
    private final Button reveal;
    private final Button lock;
    private Instant shownTimer;

    ConsoleHeader(ConsoleActions console, String link) {
        this.console = console;
        addClassName("arki-console-header");
        H1 title = new H1(console.info.title());
        title.setId("session-title");
        presence.setId("presence");
        timer.setId("timer");
        timer.addClassName("arki-timer");
        timer.getElement().setAttribute("role", "timer");
        timer.setVisible(false);
        connection.setId("connection");
        connection.getElement().setAttribute("role", "status");
        Span mode = StepParts.badge(getTranslation(console.info.anonymous() ? "join.mode.anonymous" : "join.mode.named"));
        mode.setId("session-mode");
        state.setId("session-state");
        state.addClassName("arki-badge");
        state.setText(getTranslation("console.state.live"));
        Div bar = new Div(state, presence, timer, mode, connection);
        bar.addClassName("arki-session-bar");
        Div heading = new Div(title, bar);
        heading.addClassName("arki-console-title");

        Div join = new Div();
        join.addClassName("arki-join-compact");
        join.setId("join-box");
        if (console.info.joinCode() != null) {
            Span code = new Span(console.info.joinCode());
            code.setId("join-code");
            code.addClassName("arki-code");
            Anchor anchor = new Anchor(link, link);
            anchor.setId("join-link");
            Div words = new Div(new Span(getTranslation("session.join.instructions")), code, anchor);
            words.addClassName("arki-join-words");
            join.add(Charts.qr(QrCodes.svg(link), getTranslation("session.join.qr", console.info.joinCode())), words);
        }
        Div top = new Div(heading, join);
        top.addClassName("arki-console-top");

        controls.addClassName("arki-controls");
        controls.setId("primary-actions");
        previous = new Button(getTranslation("session.previous"), e -> go(-1));
        previous.setId("step-previous");
        next = new Button(getTranslation("session.next"), e -> go(+1));
        next.setId("step-next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        reveal = new Button(getTranslation("session.reveal"), e -> console.act(() ->
                console.facilitation.reveal(console.info.id(), current().index(), !current().revealed())));
        reveal.setId("step-reveal");
        lock = new Button(getTranslation("session.lock"), e -> console.act(() ->
                console.facilitation.lock(console.info.id(), current().index(), !current().locked())));
        lock.setId("step-lock");
        controls.add(previous, next, reveal, lock);
        // nothing to act on until the session's state has arrived
        previous.setEnabled(false);
        next.setEnabled(false);
        reveal.setEnabled(false);
        lock.setEnabled(false);

        closedBox.setId("closed-box");
        closedBox.addClassName("arki-closed-box");
        closedBox.setVisible(false);
        add(top, controls, closedBox);
    }

    private LiveState live;

    private LiveState.Step current() {
        return live.current();
    }

    private void go(int by) {
        int to = live.currentStep() + by;
        console.act(() -> console.facilitation.goTo(console.info.id(), to));
    }

    void online(boolean ok) {
        Ui.text(connection, ok ? "" : getTranslation("session.connection.lost"));
        Ui.visible(connection, !ok);
    }

    void render(LiveState s) {
        live = s;
        Ui.text(presence, getTranslation("session.presence.facilitator", s.present(), s.participants().size()));
        if (!Objects.equals(s.timerEndsAt(), shownTimer)) {
            shownTimer = s.timerEndsAt();
            BrowserScripts.countdown(timer, s.timerEndsAt(), getTranslation("session.timer.left"), getTranslation("session.timer.up"));
            Ui.visible(timer, s.timerEndsAt() != null);
        }
        if (!s.session().running()) {
            return;
        }
        LiveState.Step now = s.current();
        reveal.setText(getTranslation(now.revealed() ? "session.hide" : "session.reveal"));
        reveal.getElement().setAttribute("aria-pressed", String.valueOf(now.revealed()));
        lock.setText(getTranslation(now.locked() ? "session.unlock" : "session.lock"));
        lock.getElement().setAttribute("aria-pressed", String.valueOf(now.locked()));
        reveal.setEnabled(true);
        lock.setEnabled(true);
        previous.setEnabled(now.index() > 0);
        next.setEnabled(now.index() < s.steps().size() - 1);
    }

    /** The session has ended: say so where the actions were, and offer the summary. */
    void closed() {
        if (closedBox.isVisible()) {
            return;
        }
        controls.setVisible(false);
        state.setText(getTranslation("console.state.closed"));
        state.addClassName("arki-badge-closed");
        Paragraph closed = new Paragraph(getTranslation("session.closed.facilitator"));
        closed.setId("session-closed");
        Anchor summary = new Anchor("sessions/" + console.info.id() + "/summary", getTranslation("session.summary.open"));
        summary.setId("open-summary");
        summary.addClassName("arki-button-link");
        closedBox.add(closed, summary);
        closedBox.setVisible(true);
        timer.setVisible(false);
    }
}
