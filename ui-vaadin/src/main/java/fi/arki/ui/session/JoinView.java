package fi.arki.ui.session;

import fi.arki.shared.DatabaseOutage;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.PersonId;
import fi.arki.directory.TeamId;
import fi.arki.directory.Unit;
import fi.arki.directory.UnitId;
import fi.arki.identity.ActingUser;
import fi.arki.session.JoinInfo;
import fi.arki.session.JoinTarget;
import fi.arki.session.Joined;
import fi.arki.session.Joiner;
import fi.arki.session.LiveStates;
import fi.arki.session.ParticipantId;
import fi.arki.session.ParticipantManagement;
import fi.arki.session.Presence;
import fi.arki.session.SessionBroadcaster;
import fi.arki.session.SessionId;
import fi.arki.session.SessionInfo;
import fi.arki.session.SessionManagement;
import fi.arki.deck.DeckCatalog;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.tenancy.TenantSettings;
import fi.arki.tenancy.TenantSettingsManagement;
import fi.arki.ui.i18n.LanguageSelect;
import fi.arki.ui.i18n.LanguageSupport;
import fi.arki.ui.security.CurrentUser;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Where participants arrive, from a typed code, a link or a QR code: members of the session's
 * organisation join as themselves (no name is stored in an anonymous session), guests join
 * without an account where the organisation allows it. A guest's pass (a cookie) is good for
 * this one session only. Made for phones.
 */
@Route(value = "join/:code?", autoLayout = false)
@AnonymousAllowed
public class JoinView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final String COOKIE_PREFIX = "arki-p-";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(JoinView.class);

    private final SessionManagement sessions;
    private final ParticipantManagement participants;
    private final LiveStates states;
    private final SessionBroadcaster broadcaster;
    private final Presence presence;
    private final DirectoryManagement directory;
    private final TenantSettingsManagement settings;
    private final TenantManagement tenants;
    private final DeckCatalog catalog;
    private String title;

    public JoinView(SessionManagement sessions, ParticipantManagement participants, LiveStates states, SessionBroadcaster broadcaster,
                    Presence presence, DirectoryManagement directory, TenantSettingsManagement settings, TenantManagement tenants,
                    DeckCatalog catalog) {
        this.sessions = sessions;
        this.participants = participants;
        this.states = states;
        this.broadcaster = broadcaster;
        this.presence = presence;
        this.directory = directory;
        this.settings = settings;
        this.tenants = tenants;
        this.catalog = catalog;
        addClassName("arki-join");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        title = getTranslation("join.title");
        Optional<String> code = event.getRouteParameters().get("code");
        if (code.isEmpty()) {
            codeForm(null);
            return;
        }
        try {
            // the services try again by themselves when a burst of joins leaves no connection free for a moment
            Optional<JoinTarget> target = sessions.resolve(code.get());
            if (target.isEmpty()) {
                codeForm(getTranslation("join.not-found"));
                return;
            }
            removeAll();
            open(target.get());
        } catch (InvalidInputException e) {
            removeAll();
            codeForm(Feedback.message(this, e));
        } catch (RuntimeException e) {
            // the database is away or too busy to answer in time (a burst of joins): say so, and let them try again
            log.warn("Could not open the join page: {}", e.toString());
            busy(e);
        }
    }

    /**
     * A friendly "try again" instead of an error page when the server cannot answer in time: "not
     * available" when the database is away, "briefly overloaded" when it was only too busy.
     */
    private void busy(RuntimeException cause) {
        removeAll();
        add(new LanguageSelect(), new H1(getTranslation("join.title")));
        Paragraph why = new Paragraph(getTranslation(DatabaseOutage.isOutage(cause) ? "join.unavailable" : "join.busy"));
        why.setId("join-busy");
        why.getElement().setAttribute("role", "alert");
        Button again = new Button(getTranslation("join.try-again"), e -> getUI().ifPresent(ui -> ui.getPage().reload()));
        again.setId("join-try-again");
        again.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(why, again);
    }

    private void codeForm(String problem) {
        add(new LanguageSelect(), new H1(getTranslation("join.title")));
        TextField code = new TextField(getTranslation("join.code"));
        code.setId("join-code-input");
        code.setMaxLength(14);
        code.setAutofocus(true);
        code.getElement().setAttribute("autocapitalize", "characters");
        code.getElement().setAttribute("autocomplete", "off");
        if (problem != null) {
            code.setInvalid(true);
            code.setErrorMessage(problem);
        }
        Button go = new Button(getTranslation("join.continue"), e -> {
            String typed = SessionManagement.normaliseCode(code.getValue());
            if (typed.isEmpty()) {
                code.setInvalid(true);
                code.setErrorMessage(getTranslation("join.code-empty"));
                return;
            }
            getUI().ifPresent(ui -> ui.navigate("join/" + typed));
        });
        go.setId("join-continue");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        go.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        add(new Div(code, go));
    }

    private void open(JoinTarget target) {
        TenantContext.runAs(target.tenant(), () -> {
            SessionInfo info = sessions.find(target.session()).orElse(null);
            if (info == null || !info.running()) {
                codeForm(getTranslation("join.not-found"));
                return;
            }
            title = info.title();
            Optional<ParticipantId> known = participants.resume(info.id(), cookie(info));
            if (known.isPresent()) {
                // a returning participant may have switched language since they joined
                participants.changeLanguage(info.id(), known.get(), LanguageSupport.current());
                enter(target, info, known.get());
                return;
            }
            Optional<PersonId> member = memberOf(target);
            joinForm(target, info, member, joinInfo(target, info));
        });
    }

    private record InfoKey(TenantId tenant, SessionId session) {
    }

    private record CachedInfo(JoinInfo info, long readAt) {
    }

    private static final long JOIN_INFO_TTL_MS = 30_000;
    private static final Map<InfoKey, CachedInfo> JOIN_INFO = new ConcurrentHashMap<>();

    /**
     * What every joiner of a session is shown first (guests allowed, the organisation's name, its
     * units): the same for all of them, so a burst of joins reads it once, not once per joiner.
     */
    private JoinInfo joinInfo(JoinTarget target, SessionInfo info) {
        InfoKey key = new InfoKey(target.tenant(), info.id());
        CachedInfo cached = JOIN_INFO.get(key);
        long now = System.currentTimeMillis();
        if (cached != null && now - cached.readAt() < JOIN_INFO_TTL_MS) {
            return cached.info();
        }
        JoinInfo read = participants.joinInfo(info);
        if (JOIN_INFO.size() > 10_000) {
            JOIN_INFO.clear();
        }
        JOIN_INFO.put(key, new CachedInfo(read, now));
        return read;
    }

    /** The signed-in user's person in the session's organisation, if they act in it. */
    private Optional<PersonId> memberOf(JoinTarget target) {
        return CurrentUser.get().filter(u -> target.tenant().equals(u.tenant()))
                .flatMap(u -> directory.personOf(u.account()).map(p -> p.id()));
    }

    private void joinForm(JoinTarget target, SessionInfo info, Optional<PersonId> member, JoinInfo joinInfo) {
        add(new LanguageSelect(), new H1(info.title()));
        Paragraph mode = new Paragraph(getTranslation(info.anonymous() ? "join.mode.anonymous" : "join.mode.named"));
        mode.setId("join-mode");
        add(mode);
        Language language = LanguageSupport.current();
        if (member.isEmpty() && !joinInfo.guestsAllowed()) {
            add(new Paragraph(getTranslation("join.sign-in-needed")));
            Anchor signIn = new Anchor("login", getTranslation("join.sign-in"));
            signIn.setId("join-sign-in");
            add(signIn);
            return;
        }
        Div form = new Div();
        form.addClassName("arki-join-form");
        TextField name = new TextField(getTranslation("join.name"));
        name.setId("join-name");
        name.setMaxLength(200);
        boolean asksName = member.isEmpty() && !info.anonymous();
        name.setVisible(asksName);
        List<UnitId> units = member.isEmpty() && !joinInfo.byTeam() ? joinInfo.units() : List.of();
        // unit names only when a guest has to choose among several units (a shared session)
        Map<UnitId, String> unitNames = joinInfo.unitNames();
        Select<UnitId> unit = new Select<>();
        unit.setLabel(getTranslation("join.unit"));
        unit.setId("join-unit");
        unit.setItems(units);
        unit.setItemLabelGenerator(u -> unitNames.getOrDefault(u, ""));
        unit.setVisible(units.size() > 1);
        // where the deck attributes answers to teams, teams instead of units: a guest chooses, and so does a
        // member who is in none or several of the session's teams (one in exactly one of them speaks for it)
        List<TeamId> ownTeams = member.map(p -> directory.teamsOf(p).stream().map(DirectoryManagement.Membership::team)
                .filter(joinInfo.teams()::contains).distinct().toList()).orElse(List.of());
        boolean choosesTeam = joinInfo.teams().size() > 1 && ownTeams.size() != 1;
        Map<TeamId, String> teamNames = joinInfo.teamNames();
        Select<TeamId> team = new Select<>();
        team.setLabel(getTranslation("join.team"));
        team.setId("join-team");
        team.setItems(choosesTeam ? joinInfo.teams() : List.of());
        team.setItemLabelGenerator(t -> teamNames.getOrDefault(t, ""));
        team.setRequiredIndicatorVisible(true);
        team.setVisible(choosesTeam);
        team.addValueChangeListener(e -> team.setInvalid(false));
        form.add(name, unit, team);
        String who = member.isPresent() ? CurrentUser.get().map(ActingUser::displayName).orElse("") : "";
        Paragraph problem = new Paragraph();
        problem.setId("join-busy");
        problem.getElement().setAttribute("role", "alert");
        problem.addClassName("arki-error-text");
        problem.setVisible(false);
        Button join = new Button(member.isPresent() ? getTranslation("join.as-member", who) : getTranslation("join.as-guest"), e -> {
            if (choosesTeam && team.getValue() == null) {
                team.setInvalid(true);
                team.setErrorMessage(getTranslation("session.error.team-required"));
                return;
            }
            Joiner joiner = member.map(p -> Joiner.member(p, who, language))
                    .orElseGet(() -> Joiner.guest(asksName ? name.getValue() : null, unit.getValue(), language))
                    .withTeam(choosesTeam ? team.getValue() : null);
            Joined joined;
            try {
                joined = TenantContext.callAs(target.tenant(), () -> participants.join(info.id(), joiner));
            } catch (InvalidInputException ex) {
                if (choosesTeam && ex.messageKey().startsWith("session.error.team-")) {
                    team.setInvalid(true);
                    team.setErrorMessage(Feedback.message(this, ex));
                } else if (asksName) {
                    name.setInvalid(true);
                    name.setErrorMessage(Feedback.message(this, ex));
                } else {
                    Feedback.show(this, ex);
                }
                return;
            } catch (RuntimeException ex) {
                log.warn("Could not join session {}: {}", info.id(), ex.toString());
                problem.setText(getTranslation(DatabaseOutage.isOutage(ex) ? "join.unavailable" : "join.busy"));
                problem.setVisible(true);
                return;
            }
            remember(joined);
            try {
                TenantContext.runAs(target.tenant(), () -> enter(target, info, joined.participant()));
            } catch (RuntimeException ex) {
                // joined, but the page could not be built: trying again (a reload) resumes with the pass just given
                log.warn("Could not open session {} after joining: {}", info.id(), ex.toString());
                busy(ex);
            }
        });
        join.setId("join-submit");
        join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        join.setDisableOnClick(true);
        join.addClickListener(e -> join.setEnabled(true));
        form.add(join, problem);
        add(form);
    }

    private void enter(JoinTarget target, SessionInfo info, ParticipantId participant) {
        removeAll();
        SessionTexts texts = SessionTexts.shared(target.tenant(), info.id(), sessions.deckOf(info), LanguageSupport.current(),
                joinInfo(target, info).organisation());
        add(new ParticipantScreen(target.tenant(), info.id(), participant, texts, info.title(), participants, catalog, states,
                broadcaster, presence));
    }

    private static String cookieName(SessionInfo info) {
        return COOKIE_PREFIX + info.id().value().toString().replace("-", "");
    }

    private static String cookie(SessionInfo info) {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        if (request == null || request.getCookies() == null) {
            return null;
        }
        return Arrays.stream(request.getCookies()).filter(c -> c.getName().equals(cookieName(info)))
                .map(Cookie::getValue).findFirst().orElse(null);
    }

    /** The participant's pass, kept by the browser for a week: HttpOnly, never readable by scripts. */
    private void remember(Joined joined) {
        VaadinServletResponse response = VaadinServletResponse.getCurrent();
        if (response == null) {
            return;
        }
        Cookie cookie = new Cookie(COOKIE_PREFIX + joined.session().value().toString().replace("-", ""), joined.token());
        cookie.setPath("/");
        cookie.setMaxAge(7 * 24 * 3600);
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        cookie.setSecure(VaadinServletRequest.getCurrent().isSecure());
        response.getHttpServletResponse().addCookie(cookie);
    }

    @Override
    public String getPageTitle() {
        return title + " – " + getTranslation("app.name");
    }
}
