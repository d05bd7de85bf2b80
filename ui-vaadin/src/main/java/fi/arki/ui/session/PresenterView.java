package fi.arki.ui.session;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import fi.arki.deck.Activity;
import fi.arki.deck.DeckCatalog;
import fi.arki.shared.TenantId;
import java.time.Instant;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.PersonId;
import fi.arki.session.LiveState;
import fi.arki.session.LiveStates;
import fi.arki.session.QrCodes;
import fi.arki.session.SessionBroadcaster;
import fi.arki.session.SessionId;
import fi.arki.session.SessionInfo;
import fi.arki.session.SessionManagement;
import fi.arki.tenancy.TenantSettingsManagement;
import fi.arki.ui.i18n.LanguageSupport;
import fi.arki.ui.security.CurrentPerson;
import fi.arki.ui.security.CurrentUser;
import fi.arki.shared.AccessRoles;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The shared screen of a meeting room or a Teams call: how to join, who is here (a count), the
 * current question and whatever the facilitator has revealed. Nothing on it can be changed.
 */
@Route(value = "sessions/:id/present", autoLayout = false)
@RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
public class PresenterView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final SessionManagement sessions;
    private final LiveStates states;
    private final SessionBroadcaster broadcaster;
    private final DirectoryManagement directory;
    private final TenantSettingsManagement settings;
    private final DeckCatalog catalog;
    private SessionInfo info;
    private SessionTexts texts;
    private final Span presence = new Span();
    private final Span timer = new Span();
    private final Div stepArea = new Div();
    private Object signature;
    private Map<PersonId, String> people = Map.of();
    private TenantId tenant;
    private Instant shownTimer;

    public PresenterView(SessionManagement sessions, LiveStates states, SessionBroadcaster broadcaster, DirectoryManagement directory,
                         TenantSettingsManagement settings, DeckCatalog catalog) {
        this.sessions = sessions;
        this.states = states;
        this.broadcaster = broadcaster;
        this.directory = directory;
        this.settings = settings;
        this.catalog = catalog;
        addClassName("arki-presenter");
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
        PersonId me = CurrentPerson.require(directory);
        info = sessions.find(id).orElse(null);
        if (info == null || !sessions.isFacilitator(id, me)) {
            event.forwardTo(SessionsView.class);
            return;
        }
        tenant = CurrentUser.require().tenant();
        texts = SessionTexts.shared(tenant, info.id(), sessions.deckOf(info), LanguageSupport.current(),
                settings.current().organisationName(CurrentUser.require().tenantName()));
        Map<PersonId, String> names = new LinkedHashMap<>();
        info.teams().forEach(team -> directory.membersOf(team).forEach(p -> names.put(p.id(), p.displayName())));
        people = names;
        removeAll();
        H1 title = new H1(info.title());
        String link = FacilitatorView.joinLink(info);
        Div join = new Div();
        join.addClassName("arki-join-box");
        if (info.joinCode() != null) {
            Span code = new Span(info.joinCode());
            code.setId("join-code");
            code.addClassName("arki-code");
            join.add(new Paragraph(getTranslation("session.join.instructions")), code, new Paragraph(link),
                    Charts.qr(QrCodes.svg(link), getTranslation("session.join.qr", info.joinCode())));
        }
        presence.setId("presence");
        timer.setId("timer");
        timer.addClassName("arki-timer");
        timer.getElement().setAttribute("role", "timer");
        timer.setVisible(false);
        Div bar = new Div(presence, timer);
        bar.addClassName("arki-session-bar");
        stepArea.setId("step");
        stepArea.getElement().setAttribute("aria-live", "polite");
        Div layout = new Div(stepArea, join);
        layout.addClassName("arki-presenter-layout");
        add(title, bar, layout);
        LiveConnection.follow(this, tenant, info.id(), states, broadcaster, this::render, ok -> { });
    }

    private void render(LiveState state) {
        presence.setText(getTranslation("session.presence", state.present()));
        if (!Objects.equals(state.timerEndsAt(), shownTimer)) {
            shownTimer = state.timerEndsAt();
            BrowserScripts.countdown(timer, state.timerEndsAt(), getTranslation("session.timer.left"), getTranslation("session.timer.up"));
            Ui.visible(timer, state.timerEndsAt() != null);
        }
        LiveState.Step step = state.current();
        Object now = List.of(state.session().running(), step, state.version());
        if (Objects.equals(now, signature)) {
            return;
        }
        signature = now;
        stepArea.removeAll();
        if (!state.session().running()) {
            stepArea.add(new Paragraph(getTranslation("session.closed.participant")));
            return;
        }
        StepHeading heading = new StepHeading();
        heading.show(texts, step, state.steps().size());
        stepArea.add(heading);
        Activity activity = texts.activity(step);
        switch (activity) {
            case Activity.Intro intro -> {
                IntroParts parts = new IntroParts(tenant, catalog);
                parts.show(texts, step);
                stepArea.add(parts);
            }
            case Activity.Prompt p -> writing(state, step, false);
            case Activity.StartContinueStop s -> writing(state, step, true);
            case Activity.Group g -> {
                LiveState.Step source = StepParts.sourceOf(state, step, g.of()).orElse(null);
                Map<java.util.UUID, java.util.UUID> grouping = state.grouping(step.index());
                for (LiveState.Group group : state.groups(step.index())) {
                    stepArea.add(new com.vaadin.flow.component.html.H3(group.label()));
                    if (source != null) {
                        stepArea.add(StepParts.answers(this, state.answers(source.index()).stream()
                                .filter(a -> group.id().equals(grouping.get(a.id()))).toList(), false, Map.of(), false, "group-" + group.id()));
                    }
                }
            }
            case Activity.Vote v -> {
                long voters = state.votes(step.index()).stream().map(LiveState.Vote::participant).distinct().count();
                stepArea.add(new Paragraph(getTranslation("session.vote.voters", voters)));
                LiveState.Step source = StepParts.sourceOf(state, step, v.of()).orElse(null);
                if (step.revealed() && source != null) {
                    Map<java.util.UUID, Integer> totals = state.totals(step.index());
                    StepParts.voteItems(state, source).stream()
                            .sorted((a, b) -> Integer.compare(totals.getOrDefault(b.id(), 0), totals.getOrDefault(a.id(), 0)))
                            .forEach(item -> stepArea.add(new Paragraph(item.text() + " – " + getTranslation("session.vote.total",
                                    totals.getOrDefault(item.id(), 0)))));
                }
            }
            case Activity.Rate r -> stepArea.add(StepParts.rating(this, state, step, r.scale(), step.revealed()));
            case Activity.Pulse p -> stepArea.add(StepParts.rating(this, state, step, p.scale(), step.revealed()));
            case Activity.JourneyMap map -> stepArea.add(StepParts.journey(this, state, step, map, t -> new Span()));
            case Activity.CommitTargets c -> {
                stepArea.add(StepParts.targets(this, state.committedTargets(), people, texts, "committed-targets"));
                if (state.noNewTarget(step.index())) {
                    stepArea.add(NoNewTargetBox.line(this));
                }
            }
            case Activity.ReviewTargets r -> stepArea.add(StepParts.targets(this, state.earlierTargets(), people, texts, "earlier-targets"));
        }
    }

    private void writing(LiveState state, LiveState.Step step, boolean lanes) {
        stepArea.add(new Paragraph(getTranslation("session.answers.count", state.answers(step.index()).size(), state.respondents(step.index()))));
        if (step.revealed()) {
            stepArea.add(StepParts.answers(this, state.answers(step.index()), lanes, state.participantsById(),
                    !state.session().anonymous(), "all-answers"));
        }
    }

    @Override
    public String getPageTitle() {
        return (info == null ? "" : info.title() + " – ") + getTranslation("app.name");
    }
}
