package fi.arki.ui.session;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import fi.arki.deck.Activity;
import fi.arki.deck.Card;
import fi.arki.deck.DeckCatalog;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.PersonId;
import fi.arki.directory.Role;
import fi.arki.followup.DevelopmentTarget;
import fi.arki.followup.ReviewOutcome;
import fi.arki.followup.TargetId;
import fi.arki.insight.CardPrintManagement;
import fi.arki.session.LiveState;
import fi.arki.session.LiveStates;
import fi.arki.session.QrCodes;
import fi.arki.session.SessionBroadcaster;
import fi.arki.session.SessionId;
import fi.arki.session.SessionInfo;
import fi.arki.session.SessionManagement;
import fi.arki.shared.AccessRoles;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.tenancy.TenantSettingsManagement;
import fi.arki.ui.i18n.LanguageSupport;
import fi.arki.ui.security.CurrentPerson;
import fi.arki.ui.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The facilitator's console: the join code and QR code, who is here (as a count), the steps, and
 * what to do in the current one — step forward and back, reveal, lock, a timer, grouping, the
 * targets — then close. Participants follow every change live.
 */
@Route("sessions/:id/facilitate")
@RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
public class FacilitatorView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final SessionManagement sessions;
    private final LiveStates states;
    private final SessionBroadcaster broadcaster;
    private final DirectoryManagement directory;
    private final TenantSettingsManagement settings;
    private final TenantManagement tenants;
    private final DeckCatalog catalog;
    private SessionInfo info;
    private SessionTexts texts;
    private PersonId me;
    private TenantId tenant;
    private LiveState state;
    private final Span presence = new Span();
    private final Span timer = new Span();
    private final OrderedList stepList = new OrderedList();
    private final Div stepArea = new Div();
    private final Div controls = new Div();
    private final Span connection = new Span();
    private int shownStep = -1;
    private int markedStep = -1;
    private java.time.Instant shownTimer;
    private Div dynamic;
    private String focusAfterRebuild;
    private Object signature;
    private Runnable rerender = () -> { };
    private Map<PersonId, String> people = Map.of();
    private Button reveal;
    private Button lock;
    private Button previous;
    private Button next;

    private final CardPrintManagement prints;

    public FacilitatorView(SessionManagement sessions, LiveStates states, SessionBroadcaster broadcaster, DirectoryManagement directory,
                           TenantSettingsManagement settings, TenantManagement tenants, DeckCatalog catalog, CardPrintManagement prints) {
        this.sessions = sessions;
        this.prints = prints;
        this.states = states;
        this.broadcaster = broadcaster;
        this.directory = directory;
        this.settings = settings;
        this.tenants = tenants;
        this.catalog = catalog;
        addClassName("arki-page");
        addClassName("arki-console");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        SessionId id;
        try {
            id = SessionId.of(event.getRouteParameters().get("id").orElse(""));
        } catch (IllegalArgumentException e) {
            event.forwardTo(SessionsView.class);
            return;
        }
        me = CurrentPerson.require(directory);
        tenant = CurrentUser.require().tenant();
        info = sessions.find(id).orElse(null);
        if (info == null || !sessions.isFacilitator(id, me)) {
            event.forwardTo(SessionsView.class);
            return;
        }
        texts = SessionTexts.shared(tenant, info.id(), sessions.deckOf(info), LanguageSupport.current(),
                settings.current().organisationName(CurrentUser.require().tenantName()));
        Map<PersonId, String> names = new LinkedHashMap<>();
        info.teams().forEach(team -> directory.membersOf(team).forEach(p -> names.put(p.id(), p.displayName())));
        people = names;
        build(joinLink(info));
        LiveConnection.follow(this, tenant, info.id(), states, broadcaster, this::render, ok -> {
            connection.setText(ok ? "" : getTranslation("session.connection.lost"));
            connection.setVisible(!ok);
        });
    }

    static String joinLink(SessionInfo info) {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        String base = request == null ? "" : request.getScheme() + "://" + request.getServerName()
                + (request.getServerPort() == 80 || request.getServerPort() == 443 ? "" : ":" + request.getServerPort());
        return base + "/join/" + (info.joinCode() == null ? "" : info.joinCode());
    }

    private void build(String link) {
        removeAll();
        H1 title = new H1(info.title());
        title.setId("session-title");
        Div join = new Div();
        join.addClassName("arki-join-box");
        if (info.joinCode() != null) {
            Span code = new Span(info.joinCode());
            code.setId("join-code");
            code.addClassName("arki-code");
            Anchor anchor = new Anchor(link, link);
            anchor.setId("join-link");
            join.add(new Paragraph(getTranslation("session.join.instructions")), code, anchor,
                    Charts.qr(QrCodes.svg(link), getTranslation("session.join.qr", info.joinCode())));
        }
        presence.setId("presence");
        timer.setId("timer");
        timer.addClassName("arki-timer");
        timer.getElement().setAttribute("role", "timer");
        timer.setVisible(false);
        connection.setId("connection");
        connection.getElement().setAttribute("role", "status");
        Span mode = StepParts.badge(getTranslation(info.anonymous() ? "join.mode.anonymous" : "join.mode.named"));
        mode.setId("session-mode");
        Div bar = new Div(presence, timer, mode, connection);
        bar.addClassName("arki-session-bar");

        Section steps = new Section(new H3(getTranslation("session.steps")), stepList);
        steps.addClassName("arki-step-list");
        stepList.setId("step-list");
        controls.addClassName("arki-controls");
        previous = new Button(getTranslation("session.previous"), e -> act(() -> sessions.goTo(me, info.id(), state.currentStep() - 1)));
        previous.setId("step-previous");
        next = new Button(getTranslation("session.next"), e -> act(() -> sessions.goTo(me, info.id(), state.currentStep() + 1)));
        next.setId("step-next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        reveal = new Button(getTranslation("session.reveal"), e -> act(() ->
                sessions.reveal(me, info.id(), state.currentStep(), !state.current().revealed())));
        reveal.setId("step-reveal");
        lock = new Button(getTranslation("session.lock"), e -> act(() ->
                sessions.lock(me, info.id(), state.currentStep(), !state.current().locked())));
        lock.setId("step-lock");
        controls.add(previous, next, reveal, lock);
        // nothing to act on until the session's state has arrived
        previous.setEnabled(false);
        next.setEnabled(false);
        reveal.setEnabled(false);
        lock.setEnabled(false);

        stepArea.setId("step");
        Div layout = new Div(steps, new Div(controls, stepArea));
        layout.addClassName("arki-console-layout");
        add(title, bar, join, layout, sideTools());
    }

    private Component sideTools() {
        Div tools = new Div();
        tools.addClassName("arki-console-tools");
        Anchor present = new Anchor("sessions/" + info.id() + "/present", getTranslation("session.presenter.open"));
        present.setTarget(AnchorTarget.BLANK);
        present.setId("open-presenter");
        // paper cards on the table, each with a QR code into this session (for rooms where phones, not laptops, are at hand)
        String link = joinLink(info);
        var language = LanguageSupport.current();
        Anchor print = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] pdf = TenantContext.callAs(tenant, () -> prints.pdf(info.id(), me, language, link));
            return new DownloadResponse(new ByteArrayInputStream(pdf), "arki-cards-" + info.joinCode() + ".pdf", "application/pdf", pdf.length);
        }), getTranslation("session.print.cards"));
        print.setId("print-cards");
        print.getElement().setAttribute("download", true);
        print.setTitle(getTranslation("session.print.cards.help"));
        Select<Integer> minutes = new Select<>();
        minutes.setLabel(getTranslation("session.timer.minutes"));
        minutes.setItems(1, 2, 3, 5, 10, 15);
        minutes.setValue(3);
        minutes.setId("timer-minutes");
        Button start = new Button(getTranslation("session.timer.start"), e -> act(() ->
                sessions.timer(me, info.id(), Duration.ofMinutes(minutes.getValue()))));
        start.setId("timer-start");
        Button stop = new Button(getTranslation("session.timer.stop"), e -> act(() -> sessions.timer(me, info.id(), null)));
        stop.setId("timer-stop");
        Select<Person> co = new Select<>();
        co.setLabel(getTranslation("session.cofacilitator"));
        co.setId("cofacilitator");
        co.setItems(directory.people().stream().filter(p -> !p.id().equals(me))
                .filter(p -> directory.rolesOf(p.id()).stream().anyMatch(r -> r == Role.FACILITATOR || r == Role.TENANT_ADMIN)).toList());
        co.setItemLabelGenerator(Person::displayName);
        Button add = new Button(getTranslation("session.cofacilitator.add"), e -> {
            if (co.getValue() != null) act(() -> sessions.addCoFacilitator(me, info.id(), co.getValue().id()));
        });
        add.setId("cofacilitator-add");
        Button handOver = new Button(getTranslation("session.handover"), e -> {
            if (co.getValue() != null) act(() -> sessions.handOver(me, info.id(), co.getValue().id()));
        });
        handOver.setId("handover");
        Button close = new Button(getTranslation("session.close"), e -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("session.close.title"), getTranslation("session.close.text"),
                    getTranslation("session.close.confirm"), ok -> act(() -> sessions.close(me, info.id())));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("session.close.cancel"));
            confirm.setId("close-dialog");
            confirm.open();
        });
        close.setId("session-close");
        close.addThemeVariants(ButtonVariant.LUMO_ERROR);
        tools.add(present, print, new Div(minutes, start, stop), new Div(co, add, handOver), close);
        return tools;
    }

    private void act(Runnable action) {
        long started = System.nanoTime();
        Feedback.attempt(this, () -> TenantContext.runAs(tenant, action));
        org.slf4j.LoggerFactory.getLogger(FacilitatorView.class).debug("facilitator action took {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private void render(LiveState s) {
        state = s;
        presence.setText(getTranslation("session.presence.facilitator", s.present(), s.participants().size()));
        if (!Objects.equals(s.timerEndsAt(), shownTimer)) {
            shownTimer = s.timerEndsAt();
            BrowserScripts.countdown(timer, s.timerEndsAt(), getTranslation("session.timer.left"), getTranslation("session.timer.up"));
            Ui.visible(timer, s.timerEndsAt() != null);
        }
        renderStepList();
        if (!s.session().running()) {
            if (shownStep != Integer.MAX_VALUE) {
                shownStep = Integer.MAX_VALUE;
                controls.setVisible(false);
                stepArea.removeAll();
                Paragraph closed = new Paragraph(getTranslation("session.closed.facilitator"));
                closed.setId("session-closed");
                Anchor summary = new Anchor("sessions/" + info.id() + "/summary", getTranslation("session.summary.open"));
                summary.setId("open-summary");
                stepArea.add(closed, summary);
                rerender = () -> { };
            }
            return;
        }
        if (s.currentStep() != shownStep) {
            buildStep(s.current());
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
        rerender.run();
    }

    /** The list of steps, built once; a step change only moves the "current" mark. */
    private void renderStepList() {
        if (stepList.getComponentCount() != state.steps().size()) {
            stepList.removeAll();
            for (LiveState.Step step : state.steps()) {
                Button go = new Button(texts.cardTitle(step.cardId()) + ": " + getTranslation("session.kind." + step.kind().code()),
                        e -> act(() -> sessions.goTo(me, info.id(), step.index())));
                go.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                go.setId("go-step-" + step.index());
                stepList.add(new ListItem(go));
            }
            markedStep = -1;
        }
        int current = state.session().running() ? state.currentStep() : -1;
        if (current != markedStep) {
            mark(markedStep, false);
            mark(current, true);
            markedStep = current;
        }
    }

    private void mark(int index, boolean current) {
        if (index < 0 || index >= stepList.getComponentCount()) {
            return;
        }
        ListItem item = (ListItem) stepList.getComponentAt(index);
        item.setClassName("arki-current", current);
        Button go = (Button) item.getComponentAt(0);
        if (current) {
            go.getElement().setAttribute("aria-current", "step");
        } else {
            go.getElement().removeAttribute("aria-current");
        }
    }

    private void buildStep(LiveState.Step step) {
        shownStep = step.index();
        signature = null;
        stepArea.removeAll();
        StepHeading heading = new StepHeading();
        heading.show(texts, step, state.steps().size());
        stepArea.add(heading);
        dynamic = new Div();
        Activity activity = texts.activity(step);
        switch (activity) {
            case Activity.Intro intro -> {
                IntroParts parts = new IntroParts(tenant, catalog);
                parts.show(texts, step);
                stepArea.add(parts);
                rerender = () -> { };
            }
            case Activity.Prompt p -> dynamic(() -> writingSignature(step), () -> writing(step, false));
            case Activity.StartContinueStop scs -> dynamic(() -> writingSignature(step), () -> writing(step, true));
            case Activity.Group group -> dynamic(() -> groupSignature(step, group), () -> grouping(step, group));
            case Activity.Vote vote -> dynamic(() -> List.of(state.current().revealed(), state.votes(step.index())), () -> votes(step, vote));
            case Activity.Rate rate -> dynamic(() -> List.of(state.current().revealed(), state.ratings(step.index())),
                    () -> StepParts.rating(this, state, state.current(), rate.scale(), state.current().revealed()));
            case Activity.Pulse pulse -> dynamic(() -> List.of(state.current().revealed(), state.ratings(step.index())),
                    () -> StepParts.rating(this, state, state.current(), pulse.scale(), state.current().revealed()));
            case Activity.JourneyMap map -> dynamic(() -> state.touchpoints(step.index()), () -> StepParts.journey(this, state, step, map,
                    t -> touchpointMarks(step, t)));
            case Activity.CommitTargets commit -> {
                stepArea.add(targetForm(step, commit));
                dynamic(() -> state.committedTargets(), () -> StepParts.targets(this, state.committedTargets(), people, texts, "committed-targets"));
            }
            case Activity.ReviewTargets review -> dynamic(() -> List.of(state.earlierTargets(), state.reviews()), this::reviews);
        }
        stepArea.add(dynamic);
    }

    private void dynamic(Supplier<Object> signatureOf, Supplier<Component> build) {
        rerender = () -> {
            Object now = signatureOf.get();
            if (!Objects.equals(now, signature)) {
                signature = now;
                dynamic.removeAll();
                dynamic.add(build.get());
                refocus();
            }
        };
    }

    /**
     * The control a keyboard user acted on is built again with the change; the focus goes back to
     * it (by its id) instead of falling to the top of the page.
     */
    private void refocus() {
        String id = focusAfterRebuild;
        focusAfterRebuild = null;
        if (id == null) {
            return;
        }
        dynamic.getElement().getChildren().flatMap(FacilitatorView::descendants)
                .filter(e -> id.equals(e.getAttribute("id"))).findFirst()
                .flatMap(e -> e.getComponent()).filter(c -> c instanceof com.vaadin.flow.component.Focusable<?>)
                .ifPresent(c -> ((com.vaadin.flow.component.Focusable<?>) c).focus());
    }

    private static java.util.stream.Stream<com.vaadin.flow.dom.Element> descendants(com.vaadin.flow.dom.Element e) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(e), e.getChildren().flatMap(FacilitatorView::descendants));
    }

    private Object writingSignature(LiveState.Step step) {
        LiveState.Step now = state.step(step.index()).orElse(step);
        return List.of(now.revealed(), now.locked(), state.answers(step.index()));
    }

    private Component writing(LiveState.Step step, boolean lanes) {
        LiveState.Step now = state.step(step.index()).orElse(step);
        Div box = new Div();
        Paragraph count = new Paragraph(getTranslation("session.answers.count", state.answers(step.index()).size(),
                state.respondents(step.index())));
        count.setId("answer-count");
        box.add(count);
        if (now.revealed()) {
            box.add(StepParts.answers(this, state.answers(step.index()), lanes, state.participantsById(), !info.anonymous(), "all-answers"));
        } else {
            box.add(new Paragraph(getTranslation("session.answers.hidden")));
        }
        return box;
    }

    private Object groupSignature(LiveState.Step step, Activity.Group group) {
        int source = StepParts.sourceOf(state, step, group.of()).map(LiveState.Step::index).orElse(-1);
        return List.of(state.groups(step.index()), state.grouping(step.index()), state.answers(source));
    }

    /** Grouping by keyboard: every answer has a group menu; a new group is a text field and a button. */
    private Component grouping(LiveState.Step step, Activity.Group group) {
        Div box = new Div();
        box.setId("grouping");
        LiveState.Step source = StepParts.sourceOf(state, step, group.of()).orElse(null);
        if (source == null) {
            return box;
        }
        TextField label = new TextField(getTranslation("session.group.new"));
        label.setId("group-label");
        label.setMaxLength(200);
        Button create = new Button(getTranslation("session.group.create"), e -> {
            String value = label.getValue();
            focusAfterRebuild = "group-label";
            act(() -> sessions.saveGroup(me, info.id(), step.index(), UUID.randomUUID(), value));
        });
        create.setId("group-create");
        box.add(new Div(label, create));
        List<LiveState.Group> groups = state.groups(step.index());
        Map<UUID, UUID> grouping = state.grouping(step.index());
        Div names = new Div();
        names.setId("group-names");
        groups.forEach(g -> names.add(StepParts.badge(g.label() + " (" + grouping.values().stream().filter(g.id()::equals).count() + ")")));
        box.add(names);
        UnorderedList list = new UnorderedList();
        int i = 0;
        for (LiveState.Answer answer : state.answers(source.index())) {
            Select<UUID> choice = new Select<>();
            choice.setLabel(answer.text());
            choice.setAriaLabel(getTranslation("session.group.for", answer.text()));
            List<UUID> options = new ArrayList<>();
            options.add(NO_GROUP);
            groups.forEach(g -> options.add(g.id()));
            choice.setItems(options);
            choice.setItemLabelGenerator(id -> id.equals(NO_GROUP) ? getTranslation("session.group.none")
                    : groups.stream().filter(g -> g.id().equals(id)).findFirst().map(LiveState.Group::label).orElse(""));
            choice.setValue(grouping.getOrDefault(answer.id(), NO_GROUP));
            String choiceId = "group-of-" + i++;
            choice.setId(choiceId);
            choice.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    UUID chosen = e.getValue();
                    focusAfterRebuild = choiceId;
                    act(() -> sessions.assign(me, info.id(), step.index(), answer.id(), NO_GROUP.equals(chosen) ? null : chosen));
                }
            });
            list.add(new ListItem(choice));
        }
        box.add(list);
        return box;
    }

    private static final UUID NO_GROUP = new UUID(0, 0);

    private Component votes(LiveState.Step step, Activity.Vote vote) {
        Div box = new Div();
        box.setId("vote-results");
        long voters = state.votes(step.index()).stream().map(LiveState.Vote::participant).distinct().count();
        box.add(new Paragraph(getTranslation("session.vote.voters", voters)));
        LiveState.Step source = StepParts.sourceOf(state, step, vote.of()).orElse(null);
        if (!state.current().revealed() || source == null) {
            return box;
        }
        Map<UUID, Integer> totals = state.totals(step.index());
        OrderedList list = new OrderedList();
        StepParts.voteItems(state, source).stream()
                .sorted((a, b) -> Integer.compare(totals.getOrDefault(b.id(), 0), totals.getOrDefault(a.id(), 0)))
                .forEach(item -> {
                    ListItem li = new ListItem(new Span(item.text()), StepParts.badge(getTranslation("session.vote.total",
                            totals.getOrDefault(item.id(), 0))));
                    li.addClassName("arki-vote-result");
                    list.add(li);
                });
        box.add(list);
        return box;
    }

    private Component touchpointMarks(LiveState.Step step, LiveState.Touchpoint t) {
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
                    act(() -> sessions.markTouchpoint(me, info.id(), step.index(), t.id(), flag, e.getValue()));
                }
            });
            marks.add(box);
        }
        return marks;
    }

    private Component targetForm(LiveState.Step step, Activity.CommitTargets commit) {
        Div form = new Div();
        form.addClassName("arki-target-form");
        TextField title = new TextField(getTranslation("session.target.title"));
        title.setId("target-title");
        title.setMaxLength(300);
        title.setWidthFull();
        Select<PersonId> owner = new Select<>();
        owner.setLabel(getTranslation("session.target.owner"));
        owner.setId("target-owner");
        owner.setItems(new ArrayList<>(people.keySet()));
        owner.setItemLabelGenerator(p -> people.getOrDefault(p, ""));
        owner.setEmptySelectionAllowed(true);
        owner.setEmptySelectionCaption(getTranslation("session.target.owner-other"));
        TextField ownerName = new TextField(getTranslation("session.target.owner-name"));
        ownerName.setId("target-owner-name");
        DatePicker due = new DatePicker(getTranslation("session.target.due"));
        due.setId("target-due");
        due.setMin(LocalDate.now());
        fi.arki.ui.i18n.ComponentTexts.localize(due); // months, weekdays, buttons and format in the user's language
        Select<String> dimension = new Select<>();
        dimension.setLabel(getTranslation("session.target.dimension"));
        dimension.setId("target-dimension");
        List<String> dimensions = texts.deck().manifest().cards().stream().map(Card::dimension).filter(Objects::nonNull).distinct().toList();
        dimension.setItems(dimensions);
        dimension.setItemLabelGenerator(texts::dimension);
        texts.deck().manifest().card(step.cardId()).map(Card::dimension).filter(dimensions::contains).ifPresent(dimension::setValue);
        TargetId[] next = {TargetId.random()};
        Button save = new Button(getTranslation("session.target.commit", commit.max()), e -> {
            boolean ok = Feedback.attempt(this, () -> TenantContext.runAs(tenant, () -> sessions.commitTarget(me, info.id(), step.index(),
                    next[0], title.getValue(), owner.getValue(), ownerName.getValue(), due.getValue(), dimension.getValue())));
            if (ok) {
                next[0] = TargetId.random();
                title.clear();
                ownerName.clear();
            }
        });
        save.setId("target-commit");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        form.add(title, owner, ownerName, due, dimension, save);
        return form;
    }

    private Component reviews() {
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
                if (outcome.getValue() != null) {
                    act(() -> sessions.reviewTarget(me, info.id(), target.id(), outcome.getValue(), note.getValue()));
                }
            });
            list.add(new ListItem(outcome, note, save));
        }
        box.add(list);
        return box;
    }

    @Override
    public String getPageTitle() {
        return (info == null ? "" : info.title() + " – ") + getTranslation("app.name");
    }
}
