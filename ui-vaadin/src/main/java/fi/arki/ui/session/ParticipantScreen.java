package fi.arki.ui.session;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import fi.arki.deck.ActivityKind;
import fi.arki.deck.DeckCatalog;
import fi.arki.session.Lane;
import fi.arki.session.LiveState;
import fi.arki.session.LiveStates;
import fi.arki.session.ParticipantId;
import fi.arki.session.ParticipantManagement;
import fi.arki.session.Presence;
import fi.arki.session.SessionBroadcaster;
import fi.arki.session.SessionId;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.ui.i18n.LanguageSelect;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What a participant sees on their phone: the current step and what they can do in it. Their own
 * answers show "saved" only once committed; an answer that could not be saved stays on screen,
 * marked unsaved, and is tried again (with the same id, so it is never stored twice). Unsaved text
 * is also kept in the browser, so that it survives a reload or a crash of the server.
 *
 * <p>The screen is built once: each kind of step has its panel, kept (hidden) while another kind is
 * on, so a step change pushes only the texts and parts that differ.
 */
class ParticipantScreen extends Div {

    private static final ScheduledExecutorService RETRIES = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("arki-answer-retry").factory());
    static final long RETRY_MS = 5000;
    /**
     * A participant's presence count changes at most this often: when a room of a thousand joins,
     * every join would otherwise push a new count to everyone already in (a push per joiner per
     * participant); the facilitator's console shows it at once.
     */
    static final long PRESENCE_EVERY_MS = 3000;
    /** At most this many kept drafts are taken back from a browser at once. */
    static final int MAX_REPORTED = 200;

    enum Status { SAVING, SAVED, UNSAVED }

    /** An answer the participant has written: its id is made before the first attempt. */
    static final class Draft {
        final UUID id;
        final int step;
        final Lane lane;
        final String text;
        volatile Status status = Status.SAVING;
        volatile String error;

        Draft(UUID id, int step, Lane lane, String text) {
            this.id = id;
            this.step = step;
            this.lane = lane;
            this.text = text;
        }
    }

    /** What a browser reports it still keeps (see browser.js). */
    public record DraftReport(List<Kept> drafts) {
    }

    public record Kept(int step, Typed typed, List<Typed> pending) {
    }

    public record Typed(String id, String text, String lane) {
    }

    private enum PanelKind { INTRO, WRITING, GROUP, VOTE, RATE, JOURNEY, COMMIT, REVIEW }

    private final TenantId tenant;
    private final SessionId session;
    private final ParticipantId me;
    private final SessionTexts texts;
    private final ParticipantManagement participants;
    private final DeckCatalog catalog;
    private final String scope;
    private final Map<UUID, Draft> drafts = new LinkedHashMap<>();
    private final Span presence = new Span();
    private final Span timer = new Span();
    private final Span connection = new Span();
    private final Div unsaved = new Div();
    private final Div stepArea = new Div();
    private final StepHeading heading = new StepHeading();
    private final Map<PanelKind, StepPanel> panels = new EnumMap<>(PanelKind.class);
    private final LiveConnection live;
    private LiveState state;
    private StepPanel current;
    private int shownStep = -1;
    private boolean closed;
    private Instant shownTimer;
    private int shownPresent = -1;
    private long presenceShownAt;
    private boolean presenceDue;
    private List<UUID> shownUnsaved = List.of();
    private DraftReport reported;

    ParticipantScreen(TenantId tenant, SessionId session, ParticipantId me, SessionTexts texts, String title,
                      ParticipantManagement participants, DeckCatalog catalog, LiveStates states, SessionBroadcaster broadcaster,
                      Presence presenceTracker) {
        this.tenant = tenant;
        this.session = session;
        this.me = me;
        this.texts = texts;
        this.participants = participants;
        this.catalog = catalog;
        this.scope = session.value() + "." + me.value();
        setId("participant");
        addClassName("arki-participant");
        H1 heading1 = new H1(title);
        heading1.setId("session-title");
        presence.setId("presence");
        timer.setId("timer");
        timer.addClassName("arki-timer");
        timer.getElement().setAttribute("role", "timer");
        timer.setVisible(false);
        connection.setId("connection");
        connection.addClassName("arki-connection");
        connection.getElement().setAttribute("role", "status");
        Div bar = new Div(presence, timer, connection, new LanguageSelect());
        bar.addClassName("arki-session-bar");
        unsaved.setId("unsaved");
        unsaved.addClassName("arki-unsaved-bar");
        unsaved.getElement().setAttribute("role", "alert");
        unsaved.setVisible(false);
        stepArea.setId("step");
        stepArea.getElement().setAttribute("aria-live", "polite");
        heading.setVisible(false);
        stepArea.add(heading);
        add(heading1, bar, unsaved, stepArea);
        getElement().addEventListener("arki-drafts", e -> {
            reported = e.getEventDetail(DraftReport.class);
            if (state != null) {
                adoptReported();
            }
        }).addEventDetail();
        live = LiveConnection.follow(this, tenant, session, states, broadcaster, this::render, this::online);
        addAttachListener(e -> {
            AutoCloseable here = presenceTracker.arrived(tenant, session, me);
            e.getUI().addDetachListener(d -> close(here));
            addDetachListener(d -> close(here));
            BrowserScripts.reportDrafts(this, scope);
        });
    }

    private static void close(AutoCloseable handle) {
        try {
            handle.close();
        } catch (Exception ignored) {
            // presence is best effort
        }
    }

    String scope() {
        return scope;
    }

    ParticipantId me() {
        return me;
    }

    List<Draft> drafts() {
        return List.copyOf(drafts.values());
    }

    SessionTexts texts() {
        return texts;
    }

    private void online(boolean ok) {
        Ui.text(connection, ok ? "" : getTranslation("session.connection.lost"));
        Ui.visible(connection, !ok);
    }

    private void render(LiveState s) {
        state = s;
        if (s.present() != shownPresent) {
            long now = System.currentTimeMillis();
            if (shownPresent < 0 || s.currentStep() != shownStep || now - presenceShownAt >= PRESENCE_EVERY_MS) {
                shownPresent = s.present();
                presenceShownAt = now;
                presenceDue = false;
                presence.setText(getTranslation("session.presence", s.present()));
            } else if (!presenceDue) {
                presenceDue = true; // shown with the next refresh after the interval, even if nothing else changes
                live.requestIn(PRESENCE_EVERY_MS - (now - presenceShownAt) + 10);
            }
        }
        if (!Objects.equals(s.timerEndsAt(), shownTimer)) {
            shownTimer = s.timerEndsAt();
            BrowserScripts.countdown(timer, s.timerEndsAt(), getTranslation("session.timer.left"), getTranslation("session.timer.up"));
            Ui.visible(timer, s.timerEndsAt() != null);
        }
        if (!drafts.isEmpty()) {
            // drafts that the database now holds need no local copy any more
            drafts.values().removeIf(d -> d.status == Status.SAVED && holds(s, d.id));
        }
        renderUnsaved();
        if (!s.session().running()) {
            showClosed();
            return;
        }
        if (s.currentStep() != shownStep) {
            showStep(s.current());
        }
        current.update(s);
        if (reported != null) {
            adoptReported();
        }
    }

    private static boolean holds(LiveState s, UUID answer) {
        return s.answers().stream().anyMatch(a -> a.id().equals(answer));
    }

    private void showClosed() {
        if (closed) {
            return;
        }
        closed = true;
        shownStep = Integer.MAX_VALUE;
        stepArea.removeAll();
        Paragraph over = new Paragraph(getTranslation("session.closed.participant"));
        over.setId("session-closed");
        stepArea.add(over);
        BrowserScripts.forgetDrafts(this, scope);
    }

    private void showStep(LiveState.Step step) {
        shownStep = step.index();
        heading.show(texts, step, state.steps().size());
        Ui.visible(heading, true);
        StepPanel panel = panels.computeIfAbsent(kindOf(step.kind()), this::newPanel);
        if (panel != current) {
            if (current != null) {
                current.setVisible(false);
            }
            panel.setVisible(true);
            current = panel;
        }
        panel.show(step);
    }

    private static PanelKind kindOf(ActivityKind kind) {
        return switch (kind) {
            case INTRO -> PanelKind.INTRO;
            case PROMPT, START_CONTINUE_STOP -> PanelKind.WRITING;
            case GROUP -> PanelKind.GROUP;
            case VOTE -> PanelKind.VOTE;
            case RATE, PULSE -> PanelKind.RATE;
            case JOURNEY_MAP -> PanelKind.JOURNEY;
            case COMMIT_TARGETS -> PanelKind.COMMIT;
            case REVIEW_TARGETS -> PanelKind.REVIEW;
        };
    }

    private StepPanel newPanel(PanelKind kind) {
        StepPanel panel = switch (kind) {
            case INTRO -> new ParticipantPanels.Intro(texts, new IntroParts(tenant, catalog));
            case WRITING -> new WritingPanel(this);
            case GROUP -> new ParticipantPanels.Groups(texts);
            case VOTE -> new ParticipantPanels.Vote(this);
            case RATE -> new ParticipantPanels.Rate(this);
            case JOURNEY -> new ParticipantPanels.Journey(this);
            case COMMIT -> new ParticipantPanels.Committed(texts);
            case REVIEW -> new ParticipantPanels.Review();
        };
        panel.addClassName("arki-step-dynamic");
        stepArea.add(panel);
        return panel;
    }

    // ---- answers: saving, retrying, keeping them in the browser ----------------------------

    /** A written answer: saved now (on the request thread of the click); a failure keeps it and tries again. */
    void submit(Draft draft) {
        drafts.put(draft.id, draft);
        save(draft);
        if (current != null && state != null) {
            current.update(state);
        }
    }

    private void save(Draft draft) {
        try {
            TenantContext.runAs(tenant, () -> participants.writeAnswer(session, me, draft.step, draft.id, draft.lane, draft.text));
            draft.status = Status.SAVED;
            draft.error = null;
            BrowserScripts.draftSaved(this, scope, draft.step, draft.id);
        } catch (RuntimeException e) {
            draft.status = Status.UNSAVED;
            draft.error = Feedback.message(this, e);
            BrowserScripts.draftPending(this, scope, draft.step, draft.id, draft.lane == null ? null : draft.lane.code(), draft.text);
            if (!(e instanceof InvalidInputException)) {
                scheduleRetry(draft);
            }
        }
        renderUnsaved();
    }

    /** Tries an unsaved answer again in the background: the database work outside the UI lock. */
    private void scheduleRetry(Draft draft) {
        UI ui = UI.getCurrent();
        RETRIES.schedule(() -> {
            if (draft.status != Status.UNSAVED || !isAttachedTo(ui)) {
                return;
            }
            RuntimeException failure = null;
            try {
                TenantContext.runAs(tenant, () -> participants.writeAnswer(session, me, draft.step, draft.id, draft.lane, draft.text));
            } catch (RuntimeException e) {
                failure = e;
            }
            RuntimeException why = failure;
            ui.access(() -> {
                draft.status = why == null ? Status.SAVED : Status.UNSAVED;
                draft.error = why == null ? null : Feedback.message(this, why);
                if (why == null) {
                    BrowserScripts.draftSaved(this, scope, draft.step, draft.id);
                }
                renderUnsaved();
                if (current != null && state != null && !closed) {
                    current.update(state);
                }
                if (why != null && !(why instanceof InvalidInputException)) {
                    scheduleRetry(draft);
                }
            });
        }, RETRY_MS, TimeUnit.MILLISECONDS);
    }

    private boolean isAttachedTo(UI ui) {
        return ui != null && ui.isAttached() && getUI().map(u -> u == ui).orElse(false);
    }

    private void renderUnsaved() {
        List<Draft> pending = drafts.values().stream().filter(d -> d.status == Status.UNSAVED).toList();
        List<UUID> ids = pending.stream().map(d -> d.id).toList();
        if (ids.equals(shownUnsaved)) {
            return;
        }
        shownUnsaved = ids;
        unsaved.removeAll();
        Ui.visible(unsaved, !pending.isEmpty());
        if (pending.isEmpty()) {
            return;
        }
        unsaved.add(new Paragraph(getTranslation("session.unsaved.title", pending.size())));
        Button retry = new Button(getTranslation("session.unsaved.retry"), e -> {
            pending.forEach(this::save);
            if (current != null && state != null) {
                current.update(state);
            }
        });
        retry.setId("retry-unsaved");
        unsaved.add(retry);
    }

    void deleteAnswer(int step, UUID id) {
        Feedback.attempt(this, () -> TenantContext.runAs(tenant, () -> participants.deleteAnswer(session, me, step, id)));
    }

    /**
     * Takes back what the browser kept from before a reload or a crash: text typed on a writing step
     * goes back into its field, answers that were sent but not saved are saved again under their
     * own ids; whatever the database already holds is only forgotten by the browser.
     */
    private void adoptReported() {
        DraftReport report = reported;
        reported = null;
        if (report == null || report.drafts() == null || closed) {
            return;
        }
        int taken = 0;
        for (Kept kept : report.drafts()) {
            if (kept == null || taken++ >= MAX_REPORTED) {
                break;
            }
            Optional<LiveState.Step> step = state.step(kept.step()).filter(s -> kindOf(s.kind()) == PanelKind.WRITING);
            if (step.isEmpty()) {
                continue;
            }
            if (kept.pending() != null) {
                for (Typed sent : kept.pending()) {
                    Optional<Draft> draft = draftOf(step.get(), sent);
                    if (draft.isPresent() && holds(state, draft.get().id)) {
                        BrowserScripts.draftSaved(this, scope, kept.step(), draft.get().id);
                    } else if (draft.isPresent() && !drafts.containsKey(draft.get().id)) {
                        drafts.put(draft.get().id, draft.get());
                        save(draft.get());
                    }
                }
            }
            Optional<Draft> typed = kept.typed() == null ? Optional.empty() : draftOf(step.get(), kept.typed());
            if (typed.isPresent() && holds(state, typed.get().id)) {
                BrowserScripts.draftSaved(this, scope, kept.step(), typed.get().id);
            } else if (typed.isPresent() && !drafts.containsKey(typed.get().id)) {
                writing().adopt(kept.step(), typed.get().id, typed.get().text, typed.get().lane);
            }
        }
        if (current != null) {
            current.update(state);
        }
    }

    private WritingPanel writing() {
        return (WritingPanel) panels.computeIfAbsent(PanelKind.WRITING, this::newPanel);
    }

    /** A kept text as a draft, if it is one this participant could have written there. */
    private static Optional<Draft> draftOf(LiveState.Step step, Typed kept) {
        if (kept.id() == null || kept.text() == null || kept.text().isBlank() || kept.text().length() > ParticipantManagement.MAX_ANSWER) {
            return Optional.empty();
        }
        try {
            Lane lane = step.kind() == ActivityKind.START_CONTINUE_STOP
                    ? Lane.ofCode(kept.lane() == null ? "" : kept.lane()).orElse(Lane.START) : null;
            return Optional.of(new Draft(UUID.fromString(kept.id()), step.index(), lane, kept.text()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    // ---- for the panels --------------------------------------------------------------------

    TenantId tenant() {
        return tenant;
    }

    SessionId session() {
        return session;
    }

    ParticipantManagement participants() {
        return participants;
    }

    static List<Object> signature(Object... parts) {
        return new ArrayList<>(List.of(parts));
    }
}
