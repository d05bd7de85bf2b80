package fi.arki.ui.session;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import fi.arki.deck.Activity;
import fi.arki.deck.RatingScale;
import fi.arki.session.Lane;
import fi.arki.session.LiveState;
import fi.arki.session.LiveStates;
import fi.arki.session.ParticipantId;
import fi.arki.session.ParticipantManagement;
import fi.arki.session.Presence;
import fi.arki.session.SessionBroadcaster;
import fi.arki.session.SessionId;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.ui.i18n.LanguageSelect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What a participant sees on their phone: the current step and what they can do in it. Their own
 * answers show "saved" only once committed; an answer that could not be saved stays on screen,
 * marked unsaved, and is tried again (with the same id, so it is never stored twice).
 */
class ParticipantScreen extends Div {

    private static final ScheduledExecutorService RETRIES = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("arki-answer-retry").factory());
    static final long RETRY_MS = 5000;

    enum Status { SAVING, SAVED, UNSAVED }

    /** An answer the participant has written: its id is made here, before the first attempt. */
    static final class Draft {
        final UUID id = UUID.randomUUID();
        final int step;
        final Lane lane;
        final String text;
        volatile Status status = Status.SAVING;
        volatile String error;

        Draft(int step, Lane lane, String text) {
            this.step = step;
            this.lane = lane;
            this.text = text;
        }
    }

    private final TenantId tenant;
    private final SessionId session;
    private final ParticipantId me;
    private final SessionTexts texts;
    private final ParticipantManagement participants;
    private final Map<UUID, Draft> drafts = new LinkedHashMap<>();
    /** Each writing step's form, kept when the facilitator moves on, so that typed text is there on the way back. */
    private final Map<Integer, Div> forms = new java.util.HashMap<>();
    private final Span presence = new Span();
    private final Span timer = new Span();
    private final Span connection = new Span();
    private final Div unsaved = new Div();
    private final Div stepArea = new Div();
    private final LiveConnection live;
    private LiveState state;
    private int shownStep = -1;
    private Div dynamic;
    private Object signature;
    private Runnable rerender = () -> { };

    ParticipantScreen(TenantId tenant, SessionId session, ParticipantId me, SessionTexts texts, String title,
                      ParticipantManagement participants, LiveStates states, SessionBroadcaster broadcaster, Presence presenceTracker) {
        this.tenant = tenant;
        this.session = session;
        this.me = me;
        this.texts = texts;
        this.participants = participants;
        setId("participant");
        addClassName("arki-participant");
        H1 heading = new H1(title);
        heading.setId("session-title");
        presence.setId("presence");
        timer.setId("timer");
        timer.addClassName("arki-timer");
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
        add(heading, bar, unsaved, stepArea);
        live = LiveConnection.follow(this, tenant, session, states, broadcaster, this::render, this::online);
        addAttachListener(e -> {
            AutoCloseable here = presenceTracker.arrived(tenant, session, me);
            e.getUI().addDetachListener(d -> close(here));
            addDetachListener(d -> close(here));
        });
    }

    private static void close(AutoCloseable handle) {
        try {
            handle.close();
        } catch (Exception ignored) {
            // presence is best effort
        }
    }

    private void online(boolean ok) {
        connection.setText(ok ? "" : getTranslation("session.connection.lost"));
        connection.setVisible(!ok);
    }

    private void render(LiveState s) {
        state = s;
        presence.setText(getTranslation("session.presence", s.present()));
        timer.setText(s.timerEndsAt() == null ? "" : StepParts.timer(this, s.timerEndsAt()));
        timer.setVisible(s.timerEndsAt() != null);
        // drafts that the database now holds need no local copy any more
        drafts.values().removeIf(d -> d.status == Status.SAVED && s.answers().stream().anyMatch(a -> a.id().equals(d.id)));
        renderUnsaved();
        if (!s.session().running()) {
            showClosed();
            return;
        }
        if (s.currentStep() != shownStep) {
            buildStep(s.current());
        }
        rerender.run();
    }

    private void showClosed() {
        if (shownStep == Integer.MAX_VALUE) {
            return;
        }
        shownStep = Integer.MAX_VALUE;
        stepArea.removeAll();
        Paragraph closed = new Paragraph(getTranslation("session.closed.participant"));
        closed.setId("session-closed");
        stepArea.add(closed);
        rerender = () -> { };
    }

    private void buildStep(LiveState.Step step) {
        shownStep = step.index();
        signature = null;
        stepArea.removeAll();
        stepArea.add(StepParts.heading(this, texts, step, state.steps().size()));
        dynamic = new Div();
        dynamic.addClassName("arki-step-dynamic");
        Activity activity = texts.activity(step);
        switch (activity) {
            case Activity.Intro intro -> {
                stepArea.add(StepParts.intro(texts, step, intro, this));
                rerender = () -> { };
            }
            case Activity.Prompt prompt -> writing(step, false);
            case Activity.StartContinueStop scs -> writing(step, true);
            case Activity.Group group -> dynamic(() -> groupSignature(step, group), () -> groups(step, group));
            case Activity.Vote vote -> dynamic(() -> voteSignature(step, vote), () -> vote(step, vote));
            case Activity.Rate rate -> dynamic(() -> rateSignature(step), () -> rate(step, rate.scale()));
            case Activity.Pulse pulse -> dynamic(() -> rateSignature(step), () -> rate(step, pulse.scale()));
            case Activity.JourneyMap map -> journey(step, map);
            case Activity.CommitTargets commit -> dynamic(() -> List.of(state.committedTargets()),
                    () -> StepParts.targets(this, state.committedTargets(), Map.of(), texts, "committed-targets"));
            case Activity.ReviewTargets review -> dynamic(() -> List.of(state.earlierTargets(), state.reviews()), this::reviews);
        }
        stepArea.add(dynamic);
    }

    /** Re-renders the changing part only when what this participant sees has changed (keeps focus). */
    private void dynamic(Supplier<Object> signatureOf, Supplier<Component> build) {
        rerender = () -> {
            Object now = signatureOf.get();
            if (!Objects.equals(now, signature)) {
                signature = now;
                dynamic.removeAll();
                dynamic.add(build.get());
            }
        };
    }

    private LiveState.Step current() {
        return state.current();
    }

    // ---- writing (prompt, start-continue-stop) ---------------------------------------------

    private void writing(LiveState.Step step, boolean lanes) {
        Div kept = forms.get(step.index());
        if (kept != null) {
            // back on an earlier step: the same form, with whatever was typed there and not yet saved
            stepArea.add(kept);
            dynamic(() -> writingSignature(step), () -> writingContent(step, lanes));
            rerender = wrapWithLock(step, kept, rerender);
            return;
        }
        TextArea text = new TextArea(getTranslation("session.answer.label"));
        text.setId("answer-text");
        text.setMaxLength(ParticipantManagement.MAX_ANSWER);
        text.setWidthFull();
        RadioButtonGroup<Lane> lane = new RadioButtonGroup<>(getTranslation("session.answer.lane"));
        lane.setId("answer-lane");
        if (lanes) {
            lane.setItems(Lane.values());
            lane.setItemLabelGenerator(l -> getTranslation("session.lane." + l.code()));
            lane.setValue(Lane.START);
        }
        lane.setVisible(lanes);
        Button add = new Button(getTranslation("session.answer.add"), e -> {
            String value = text.getValue();
            if (value == null || value.isBlank()) {
                text.setInvalid(true);
                text.setErrorMessage(getTranslation("session.error.text-empty"));
                return;
            }
            text.setInvalid(false);
            Draft draft = new Draft(step.index(), lanes ? lane.getValue() : null, value);
            drafts.put(draft.id, draft);
            text.clear();
            save(draft);
            rerender.run();
            text.focus();
        });
        add.setId("answer-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div form = lanes ? new Div(text, lane, add) : new Div(text, add);
        form.addClassName("arki-answer-form");
        forms.put(step.index(), form);
        stepArea.add(form);
        dynamic(() -> writingSignature(step), () -> writingContent(step, lanes));
        rerender = wrapWithLock(step, form, rerender);
    }

    private Runnable wrapWithLock(LiveState.Step step, Component form, Runnable inner) {
        return () -> {
            boolean locked = state.step(step.index()).map(LiveState.Step::locked).orElse(false);
            form.setVisible(!locked);
            inner.run();
        };
    }

    private Object writingSignature(LiveState.Step step) {
        LiveState.Step now = state.step(step.index()).orElse(step);
        List<Object> sig = new ArrayList<>();
        sig.add(now.revealed());
        sig.add(now.locked());
        sig.add(state.answers(step.index(), me));
        drafts.values().stream().filter(d -> d.step == step.index()).forEach(d -> sig.add(d.id + ":" + d.status));
        if (now.revealed()) {
            sig.add(state.answers(step.index()));
        }
        return sig;
    }

    private Component writingContent(LiveState.Step step, boolean lanes) {
        LiveState.Step now = state.step(step.index()).orElse(step);
        Div box = new Div();
        Span mine = new Span(getTranslation("session.answer.mine"));
        mine.addClassName("arki-label");
        UnorderedList list = new UnorderedList();
        list.setId("my-answers");
        List<UUID> listed = new ArrayList<>();
        for (LiveState.Answer a : state.answers(step.index(), me)) {
            listed.add(a.id());
            list.add(ownAnswer(a.id(), a.lane(), a.text(), Status.SAVED, null, !now.locked()));
        }
        for (Draft d : drafts.values()) {
            if (d.step == step.index() && !listed.contains(d.id)) {
                list.add(ownAnswer(d.id, d.lane, d.text, d.status, d.error, false));
            }
        }
        box.add(mine, list);
        if (now.locked()) {
            box.add(new Paragraph(getTranslation("session.step.locked")));
        }
        if (now.revealed()) {
            box.add(new com.vaadin.flow.component.html.H3(getTranslation("session.answers.all")));
            box.add(StepParts.answers(this, state.answers(step.index()), lanes, state.participantsById(),
                    !state.session().anonymous(), "all-answers"));
        } else {
            box.add(new Paragraph(getTranslation("session.answers.private")));
        }
        return box;
    }

    private Component ownAnswer(UUID id, Lane lane, String text, Status status, String error, boolean deletable) {
        ListItem item = new ListItem();
        item.addClassName("arki-own-answer");
        item.getElement().setAttribute("data-answer", id.toString());
        if (lane != null) {
            item.add(StepParts.badge(getTranslation("session.lane." + lane.code())));
        }
        Span body = new Span(text);
        body.addClassName("arki-answer-text");
        Span mark = new Span(getTranslation("session.answer.status." + status.name().toLowerCase()));
        mark.addClassName("arki-status-" + status.name().toLowerCase());
        mark.setId("status-" + id);
        item.add(body, mark);
        if (error != null) {
            Span why = new Span(error);
            why.addClassName("arki-error-text");
            item.add(why);
        }
        if (deletable) {
            Button delete = new Button(getTranslation("session.answer.delete"), e -> Feedback.attempt(this, () ->
                    TenantContext.runAs(tenant, () -> participants.deleteAnswer(session, me, shownStep, id))));
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            delete.setAriaLabel(getTranslation("session.answer.delete-aria", text));
            item.add(delete);
        }
        return item;
    }

    /** Saves a draft now (on the request thread of the click); failure keeps it and schedules another try. */
    private void save(Draft draft) {
        try {
            TenantContext.runAs(tenant, () -> participants.writeAnswer(session, me, draft.step, draft.id, draft.lane, draft.text));
            draft.status = Status.SAVED;
            draft.error = null;
        } catch (RuntimeException e) {
            draft.status = Status.UNSAVED;
            draft.error = Feedback.message(this, e);
            if (!(e instanceof fi.arki.shared.InvalidInputException)) {
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
                renderUnsaved();
                rerender.run();
                if (why != null && !(why instanceof fi.arki.shared.InvalidInputException)) {
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
        unsaved.removeAll();
        unsaved.setVisible(!pending.isEmpty());
        if (pending.isEmpty()) {
            return;
        }
        unsaved.add(new Paragraph(getTranslation("session.unsaved.title", pending.size())));
        Button retry = new Button(getTranslation("session.unsaved.retry"), e -> {
            pending.forEach(this::save);
            rerender.run();
        });
        retry.setId("retry-unsaved");
        unsaved.add(retry);
    }

    // ---- group (participants follow) -------------------------------------------------------

    private Object groupSignature(LiveState.Step step, Activity.Group group) {
        int source = StepParts.sourceOf(state, step, group.of()).map(LiveState.Step::index).orElse(-1);
        return List.of(state.groups(step.index()), state.grouping(step.index()), state.answers(source));
    }

    private Component groups(LiveState.Step step, Activity.Group group) {
        Div box = new Div();
        box.setId("groups");
        LiveState.Step source = StepParts.sourceOf(state, step, group.of()).orElse(null);
        if (source == null) {
            return box;
        }
        Map<UUID, UUID> grouping = state.grouping(step.index());
        for (LiveState.Group g : state.groups(step.index())) {
            box.add(new com.vaadin.flow.component.html.H3(g.label()));
            UnorderedList list = new UnorderedList();
            state.answers(source.index()).stream().filter(a -> g.id().equals(grouping.get(a.id())))
                    .forEach(a -> list.add(new ListItem(a.text())));
            box.add(list);
        }
        if (state.groups(step.index()).isEmpty()) {
            box.add(new Paragraph(getTranslation("session.group.waiting")));
        }
        return box;
    }

    // ---- vote ------------------------------------------------------------------------------

    private Object voteSignature(LiveState.Step step, Activity.Vote vote) {
        LiveState.Step now = state.step(step.index()).orElse(step);
        LiveState.Step source = StepParts.sourceOf(state, step, vote.of()).orElse(null);
        List<Object> sig = new ArrayList<>(List.of(now.revealed(), now.locked(),
                source == null ? List.of() : StepParts.voteItems(state, source)));
        state.votes(step.index()).stream().filter(v -> v.participant().equals(me)).forEach(sig::add);
        if (now.revealed()) {
            sig.add(state.totals(step.index()));
        }
        return sig;
    }

    private Component vote(LiveState.Step step, Activity.Vote vote) {
        LiveState.Step now = state.step(step.index()).orElse(step);
        Div box = new Div();
        box.setId("vote");
        LiveState.Step source = StepParts.sourceOf(state, step, vote.of()).orElse(null);
        if (source == null) {
            return box;
        }
        int used = state.dotsUsed(step.index(), me);
        Paragraph left = new Paragraph(getTranslation("session.vote.left", state.budget(step.index()) - used, state.budget(step.index())));
        left.setId("dots-left");
        box.add(left);
        Map<UUID, Integer> totals = state.totals(step.index());
        UnorderedList list = new UnorderedList();
        list.addClassName("arki-vote-list");
        for (StepParts.VoteItem item : StepParts.voteItems(state, source)) {
            int mine = state.dotsGiven(step.index(), me, item.id());
            ListItem li = new ListItem();
            li.addClassName("arki-vote-item");
            Span text = new Span(item.text());
            text.addClassName("arki-answer-text");
            Span dots = new Span(getTranslation("session.vote.mine", mine));
            dots.addClassName("arki-dots");
            Button minus = new Button("−", e -> setDots(step, item.id(), mine - 1));
            minus.setAriaLabel(getTranslation("session.vote.remove", item.text()));
            minus.setEnabled(mine > 0 && !now.locked());
            Button plus = new Button("+", e -> setDots(step, item.id(), mine + 1));
            plus.setAriaLabel(getTranslation("session.vote.add", item.text()));
            plus.setEnabled(used < state.budget(step.index()) && !now.locked());
            plus.addClassName("arki-vote-plus");
            li.add(text, minus, dots, plus);
            if (now.revealed()) {
                li.add(StepParts.badge(getTranslation("session.vote.total", totals.getOrDefault(item.id(), 0))));
            }
            list.add(li);
        }
        box.add(list);
        return box;
    }

    private void setDots(LiveState.Step step, UUID item, int dots) {
        Feedback.attempt(this, () -> TenantContext.runAs(tenant, () -> participants.setDots(session, me, step.index(), item, Math.max(0, dots))));
    }

    // ---- rate and pulse --------------------------------------------------------------------

    private Object rateSignature(LiveState.Step step) {
        LiveState.Step now = state.step(step.index()).orElse(step);
        return List.of(now.revealed(), now.locked(), state.rating(step.index(), me).map(LiveState.Rating::value).orElse(-1),
                now.revealed() ? state.ratings(step.index()).size() : 0);
    }

    private Component rate(LiveState.Step step, RatingScale scale) {
        LiveState.Step now = state.step(step.index()).orElse(step);
        Div box = new Div();
        box.setId("rate");
        int chosen = state.rating(step.index(), me).map(LiveState.Rating::value).orElse(-1);
        Div buttons = new Div();
        buttons.addClassName("arki-scale");
        buttons.getElement().setAttribute("role", "group");
        buttons.getElement().setAttribute("aria-label", getTranslation("session.rate.label"));
        for (int value = scale.min(); value <= scale.max(); value++) {
            int v = value;
            String label = scale == RatingScale.SMILEYS ? getTranslation("session.emotion." + v) : String.valueOf(v);
            Button b = new Button(label, e -> Feedback.attempt(this, () -> TenantContext.runAs(tenant, () ->
                    participants.rate(session, me, step.index(), v))));
            b.setId("rate-" + v);
            b.getElement().setAttribute("aria-pressed", String.valueOf(v == chosen));
            if (v == chosen) {
                b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
            b.setEnabled(!now.locked());
            buttons.add(b);
        }
        box.add(buttons, new Paragraph(getTranslation("session.rate.scale." + scale.code())));
        if (chosen >= 0) {
            Span saved = new Span(getTranslation("session.rate.saved", chosen));
            saved.setId("rating-saved");
            saved.addClassName("arki-status-saved");
            box.add(saved);
        }
        if (now.revealed()) {
            box.add(StepParts.rating(this, state, now, scale, true));
        }
        return box;
    }

    // ---- journey map -----------------------------------------------------------------------

    private void journey(LiveState.Step step, Activity.JourneyMap map) {
        Div kept = forms.get(step.index());
        if (kept != null) {
            stepArea.add(kept);
            dynamic(() -> List.of(state.touchpoints(step.index()), state.step(step.index()).map(LiveState.Step::locked).orElse(false)),
                    () -> StepParts.journey(this, state, step, map, t -> new Span()));
            rerender = wrapWithLock(step, kept, rerender);
            return;
        }
        Select<Activity.JourneyStage> stage = new Select<>();
        stage.setLabel(getTranslation("session.journey.stage"));
        stage.setItems(map.stages());
        stage.setItemLabelGenerator(s -> getTranslation("session.stage." + s.code()));
        stage.setValue(map.stages().getFirst());
        stage.setId("touchpoint-stage");
        Select<Activity.TouchpointOwner> owner = new Select<>();
        owner.setLabel(getTranslation("session.journey.owner"));
        owner.setItems(map.owners());
        owner.setItemLabelGenerator(o -> getTranslation("session.owner." + o.code()));
        owner.setValue(map.owners().getFirst());
        owner.setId("touchpoint-owner");
        TextField label = new TextField(getTranslation("session.journey.touchpoint"));
        label.setId("touchpoint-label");
        label.setMaxLength(300);
        Select<Integer> emotion = new Select<>();
        emotion.setLabel(getTranslation("session.journey.emotion"));
        emotion.setItems(1, 2, 3, 4, 5);
        emotion.setItemLabelGenerator(i -> getTranslation("session.emotion." + i));
        emotion.setValue(3);
        emotion.setId("touchpoint-emotion");
        Select<Integer> effort = new Select<>();
        effort.setLabel(getTranslation("session.journey.effort"));
        effort.setItems(1, 2, 3, 4, 5, 6, 7);
        effort.setItemLabelGenerator(i -> getTranslation("session.effort." + i));
        effort.setValue(4);
        effort.setId("touchpoint-effort");
        UUID[] next = {UUID.randomUUID()};
        Button add = new Button(getTranslation("session.journey.add"), e -> {
            boolean ok = Feedback.attempt(this, () -> TenantContext.runAs(tenant, () -> participants.addTouchpoint(session, me,
                    step.index(), next[0], stage.getValue(), owner.getValue(), label.getValue(), emotion.getValue(), effort.getValue())));
            if (ok) {
                next[0] = UUID.randomUUID();
                label.clear();
            }
        });
        add.setId("touchpoint-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div form = new Div(stage, owner, label, emotion, effort, add);
        form.addClassName("arki-journey-form");
        forms.put(step.index(), form);
        stepArea.add(form);
        dynamic(() -> List.of(state.touchpoints(step.index()), state.step(step.index()).map(LiveState.Step::locked).orElse(false)),
                () -> StepParts.journey(this, state, step, map, t -> new Span()));
        rerender = wrapWithLock(step, form, rerender);
    }

    // ---- review ----------------------------------------------------------------------------

    private Component reviews() {
        Div box = new Div();
        box.setId("review");
        if (state.earlierTargets().isEmpty()) {
            box.add(new Paragraph(getTranslation("session.review.none")));
            return box;
        }
        UnorderedList list = new UnorderedList();
        for (var target : state.earlierTargets()) {
            ListItem item = new ListItem(target.title());
            state.review(target.id()).ifPresent(r -> item.add(StepParts.badge(getTranslation("session.review.outcome." + r.outcome().code()))));
            list.add(item);
        }
        box.add(list);
        return box;
    }
}
