package fi.arki.ui.session;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import fi.arki.deck.DeckCatalog;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.PersonId;
import fi.arki.insight.CardPrintManagement;
import fi.arki.session.LiveState;
import fi.arki.session.LiveStates;
import fi.arki.session.SessionBroadcaster;
import fi.arki.session.SessionId;
import fi.arki.session.SessionInfo;
import fi.arki.session.FacilitationManagement;
import fi.arki.session.SessionManagement;
import fi.arki.shared.AccessRoles;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantSettingsManagement;
import fi.arki.ui.i18n.LanguageSupport;
import fi.arki.ui.security.CurrentPerson;
import fi.arki.ui.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The facilitator's console: at the top the session's state, a compact join code, the current step
 * and its primary actions, and the tools (presenter, cards, timer, co-facilitators, end); below, the
 * steps by card and the current step's panel. Each kind of step has its panel class
 * ({@code Console*Panel}), built once and kept, as on the participant's screen.
 */
@Route("sessions/:id/facilitate")
@RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
public class FacilitatorView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private enum PanelKind { INTRO, WRITING, GROUP, VOTE, RATE, JOURNEY, COMMIT, REVIEW }

    private final SessionManagement sessions;
    private final FacilitationManagement facilitation;
    private final LiveStates states;
    private final SessionBroadcaster broadcaster;
    private final DirectoryManagement directory;
    private final TenantSettingsManagement settings;
    private final DeckCatalog catalog;
    private final CardPrintManagement prints;
    private final Map<PanelKind, StepPanel> panels = new EnumMap<>(PanelKind.class);
    private final Div stepArea = new Div();
    private final StepHeading heading = new StepHeading();
    private SessionInfo info;
    private ConsoleActions console;
    private ConsoleHeader header;
    private ConsoleTools tools;
    private ConsoleStepList steps;
    private StepPanel current;
    private int shownStep = -1;
    private boolean closed;

    public FacilitatorView(SessionManagement sessions, FacilitationManagement facilitation, LiveStates states, SessionBroadcaster broadcaster, DirectoryManagement directory,
                           TenantSettingsManagement settings, DeckCatalog catalog, CardPrintManagement prints) {
        this.sessions = sessions;
        this.facilitation = facilitation;
        this.states = states;
        this.broadcaster = broadcaster;
        this.directory = directory;
        this.settings = settings;
        this.catalog = catalog;
        this.prints = prints;
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
        PersonId me = CurrentPerson.require(directory);
        TenantId tenant = CurrentUser.require().tenant();
        info = sessions.find(id).orElse(null);
        if (info == null || !sessions.isFacilitator(id, me)) {
            event.forwardTo(SessionsView.class);
            return;
        }
        SessionTexts texts = SessionTexts.shared(tenant, info.id(), sessions.deckOf(info), LanguageSupport.current(),
                settings.current().organisationName(CurrentUser.require().tenantName()));
        Map<PersonId, String> people = new LinkedHashMap<>();
        info.teams().forEach(team -> directory.membersOf(team).forEach(p -> people.put(p.id(), p.displayName())));
        console = new ConsoleActions(this, facilitation, me, tenant, info, texts, people);
        build(joinLink(info), tenant, texts);
        LiveConnection.follow(this, tenant, info.id(), states, broadcaster, this::render, ok -> header.online(ok));
    }

    static String joinLink(SessionInfo info) {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        String base = request == null ? "" : request.getScheme() + "://" + request.getServerName()
                + (request.getServerPort() == 80 || request.getServerPort() == 443 ? "" : ":" + request.getServerPort());
        return base + "/join/" + (info.joinCode() == null ? "" : info.joinCode());
    }

    private void build(String link, TenantId tenant, SessionTexts texts) {
        removeAll();
        header = new ConsoleHeader(console, link);
        tools = new ConsoleTools(console, directory, prints, link);
        steps = new ConsoleStepList(console);
        panels.put(PanelKind.INTRO, new ConsoleIntroPanel(tenant, catalog, texts));
        panels.put(PanelKind.WRITING, new ConsoleWritingPanel(console));
        panels.put(PanelKind.GROUP, new ConsoleGroupPanel(console));
        panels.put(PanelKind.VOTE, new ConsoleVotePanel(console));
        panels.put(PanelKind.RATE, new ConsoleRatingPanel(console));
        panels.put(PanelKind.JOURNEY, new ConsoleJourneyPanel(console));
        panels.put(PanelKind.COMMIT, new ConsoleTargetPanel(console));
        panels.put(PanelKind.REVIEW, new ConsoleReviewPanel(console));
        stepArea.setId("step");
        stepArea.addClassName("arki-console-step");
        stepArea.add(heading);
        panels.values().forEach(p -> {
            p.setVisible(false);
            stepArea.add(p);
        });
        heading.setVisible(false);
        Div layout = new Div(stepArea, steps);
        layout.addClassName("arki-console-layout");
        add(header, tools, layout);
    }

    private static PanelKind kindOf(LiveState.Step step) {
        return switch (step.kind()) {
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

    private void render(LiveState s) {
        header.render(s);
        steps.render(s);
        if (!s.session().running()) {
            if (!closed) {
                closed = true;
                header.closed();
                tools.closed();
                heading.setVisible(false);
                if (current != null) {
                    current.setVisible(false);
                    current = null;
                }
            }
            return;
        }
        LiveState.Step step = s.current();
        if (step.index() != shownStep) {
            shownStep = step.index();
            heading.show(console.texts, step, s.steps().size());
            heading.setVisible(true);
            StepPanel next = panels.get(kindOf(step));
            if (current != null && current != next) {
                current.setVisible(false);
            }
            next.show(step);
            next.setVisible(true);
            current = next;
        }
        current.update(s);
    }

    /** The grouping panel, for parts that add to it (grouping suggestions). */
    ConsoleGroupPanel groupPanel() {
        return (ConsoleGroupPanel) panels.get(PanelKind.GROUP);
    }

    @Override
    public String getPageTitle() {
        return (info == null ? "" : info.title() + " – ") + getTranslation("app.name");
    }
}
