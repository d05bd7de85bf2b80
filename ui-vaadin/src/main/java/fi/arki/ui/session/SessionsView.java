package fi.arki.ui.session;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.PersonId;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.directory.TeamId;
import fi.arki.followup.DevelopmentTarget;
import fi.arki.followup.FollowupManagement;
import fi.arki.followup.Idea;
import fi.arki.followup.IdeaDraft;
import fi.arki.followup.IdeaId;
import fi.arki.followup.IdeaManagement;
import fi.arki.shared.InvalidInputException;
import fi.arki.session.SessionInfo;
import fi.arki.session.SessionManagement;
import fi.arki.session.SessionStartManagement;
import fi.arki.ui.security.CurrentPerson;
import fi.arki.ui.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A user's sessions: join one by code, the running ones of their teams, their teams' open
 * development targets and the ideas they escalated to the organisation (with its answers), and
 * summaries of closed ones.
 */
@Route("sessions")
@Menu(title = "nav.sessions", order = 20)
@PermitAll
public class SessionsView extends Main implements HasDynamicTitle {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d.M.yyyy");
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d.M.yyyy HH:mm").withZone(ZoneId.of("Europe/Helsinki"));

    private final IdeaManagement ideas;
    private final SessionManagement sessions;
    private final fi.arki.tenancy.TenantSettingsManagement settings;

    public SessionsView(SessionManagement sessions, DirectoryManagement directory, FollowupManagement followup, IdeaManagement ideas,
                        fi.arki.tenancy.TenantSettingsManagement settings) {
        this.ideas = ideas;
        this.sessions = sessions;
        this.settings = settings;
        addClassName("arki-page");
        add(new H1(getTranslation("sessions.title")));
        TextField code = new TextField(getTranslation("join.code"));
        code.setId("sessions-join-code");
        Button join = new Button(getTranslation("join.continue"), e -> getUI().ifPresent(ui ->
                ui.navigate("join/" + SessionStartManagement.normaliseCode(code.getValue()))));
        join.setId("sessions-join");
        Div joinBox = new Div(code, join);
        joinBox.addClassName("arki-inline-form");
        add(joinBox);

        PersonId me = CurrentPerson.find(directory).orElse(null);
        boolean facilitator = CurrentUser.require().has(Role.FACILITATOR) || CurrentUser.require().has(Role.TENANT_ADMIN);
        if (facilitator) {
            Anchor start = new Anchor("sessions/new", getTranslation("sessions.start"));
            start.setId("start-session");
            start.addClassName("arki-button-link");
            add(start);
        }
        if (me == null) {
            return;
        }
        Map<TeamId, String> teamNames = directory.teams().stream().collect(Collectors.toMap(Team::id, Team::name));
        Set<TeamId> myTeams = directory.teams().stream()
                .filter(t -> directory.membersOf(t.id()).stream().anyMatch(p -> p.id().equals(me)))
                .map(Team::id).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<SessionInfo> all = new LinkedHashSet<>(sessions.runningFacilitatedBy(me));
        all.addAll(sessions.sessionsOf(myTeams));
        List<SessionInfo> running = all.stream().filter(SessionInfo::running).toList();
        List<SessionInfo> closed = all.stream().filter(s -> !s.running()).toList();
        add(section("sessions.running", running, me, teamNames, "running-sessions"));
        add(targets(followup.openTargetsOf(myTeams), teamNames));
        add(ideas(me, myTeams, teamNames));
        add(section("sessions.closed", closed, me, teamNames, "closed-sessions"));
    }

    /**
     * The ideas the user's teams escalated to the organisation, newest first, with where each
     * stands and the organisation's answer; and a form to escalate a new one.
     */
    private Section ideas(PersonId me, Set<TeamId> myTeams, Map<TeamId, String> teams) {
        Section section = new Section(new H2(getTranslation("sessions.ideas")));
        section.setId("my-ideas");
        if (myTeams.isEmpty()) {
            section.add(new Paragraph(getTranslation("sessions.ideas.none")));
            return section;
        }
        UnorderedList list = new UnorderedList();
        list.addClassName("arki-ideas");
        Paragraph none = new Paragraph(getTranslation("sessions.ideas.none"));
        List<Idea> mine = myTeams.stream().flatMap(t -> ideas.ideasOf(me, t).stream())
                .sorted(java.util.Comparator.comparing(Idea::escalatedAt).reversed()).toList();
        mine.forEach(i -> list.add(idea(i, teams)));
        none.setVisible(mine.isEmpty());
        section.add(none, list, newIdea(me, List.copyOf(myTeams), teams, list, none));
        return section;
    }

    private ListItem idea(Idea idea, Map<TeamId, String> teams) {
        ListItem item = new ListItem();
        item.setId("idea-" + idea.id());
        item.addClassName("arki-idea");
        Paragraph text = new Paragraph(idea.text());
        text.addClassName("arki-idea-text");
        Span status = StepParts.badge(getTranslation("ideas.status." + idea.status().code()));
        Span meta = new Span(getTranslation("ideas.meta", teams.getOrDefault(idea.team(), ""), DAY.format(idea.escalatedAt().atZone(WHEN.getZone()))));
        meta.addClassName("arki-muted");
        Paragraph answer = new Paragraph(idea.response() == null ? getTranslation("ideas.no-answer")
                : getTranslation("ideas.answer", idea.response()));
        answer.addClassName(idea.response() == null ? "arki-muted" : "arki-idea-answer");
        item.add(text, status, new Span(" "), meta, answer);
        return item;
    }

    /** A new idea for one of the user's teams; its id is made with the form, so a repeated send stores it once. */
    private Div newIdea(PersonId me, List<TeamId> myTeams, Map<TeamId, String> teams, UnorderedList list, Paragraph none) {
        TextArea text = new TextArea(getTranslation("sessions.ideas.new"));
        text.setId("new-idea-text");
        text.setMaxLength(IdeaManagement.MAX_TEXT);
        text.addClassName("arki-idea-response");
        Select<TeamId> team = new Select<>();
        team.setId("new-idea-team");
        team.setLabel(getTranslation("idea.escalate.team"));
        team.setItems(myTeams);
        team.setItemLabelGenerator(t -> teams.getOrDefault(t, ""));
        team.setValue(myTeams.getFirst());
        team.setVisible(myTeams.size() > 1);
        IdeaId[] id = {IdeaId.random()};
        Button send = new Button(getTranslation("idea.escalate.send"));
        send.setId("new-idea-send");
        send.addClickListener(e -> {
            text.setInvalid(false);
            try {
                Idea stored = ideas.escalate(me, new IdeaDraft(id[0], team.getValue(), null, null, text.getValue()));
                list.addComponentAsFirst(idea(stored, teams));
                none.setVisible(false);
                text.clear();
                id[0] = IdeaId.random();
                Notification.show(getTranslation("idea.escalate.sent"), 4000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException ex) {
                text.setErrorMessage(getTranslation(ex.messageKey(), ex.arguments().toArray()));
                text.setInvalid(true);
            }
        });
        Div form = new Div(text, team, send);
        form.addClassName("arki-inline-form");
        return form;
    }

    /** What the user's teams have committed to and not yet reviewed, soonest due first, overdue marked. */
    private Section targets(List<DevelopmentTarget> open, Map<TeamId, String> teams) {
        Section section = new Section(new H2(getTranslation("sessions.targets")));
        section.setId("my-targets");
        if (open.isEmpty()) {
            section.add(new Paragraph(getTranslation("sessions.targets.none")));
            return section;
        }
        LocalDate today = LocalDate.now(WHEN.getZone());
        UnorderedList items = new UnorderedList();
        open.stream().sorted(java.util.Comparator.comparing(DevelopmentTarget::due).thenComparing(DevelopmentTarget::title))
                .forEach(t -> {
                    ListItem item = new ListItem(new Span(t.title()));
                    item.addClassName("arki-session-item");
                    boolean overdue = t.due().isBefore(today);
                    Span details = new Span(getTranslation(overdue ? "sessions.targets.overdue" : "sessions.targets.due",
                            DAY.format(t.due()), teams.getOrDefault(t.team(), "")));
                    details.addClassName(overdue ? "arki-error-text" : "arki-muted");
                    item.add(details);
                    items.add(item);
                });
        section.add(items);
        return section;
    }

    /** The session's title in the viewer's language where it is the deck's default (SessionTitles). */
    private String title(SessionInfo s) {
        return fi.arki.session.SessionTitles.inLanguage(s.title(), sessions.deckOf(s), settings.current().defaultLanguage(),
                fi.arki.ui.i18n.LanguageSupport.current());
    }

    private Section section(String titleKey, List<SessionInfo> list, PersonId me, Map<TeamId, String> teams, String id) {
        Section section = new Section(new H2(getTranslation(titleKey)));
        section.setId(id);
        if (list.isEmpty()) {
            section.add(new Paragraph(getTranslation("sessions.none")));
            return section;
        }
        UnorderedList items = new UnorderedList();
        for (SessionInfo s : list) {
            ListItem item = new ListItem();
            item.addClassName("arki-session-item");
            item.add(new Span(title(s)));
            Span details = new Span(WHEN.format(s.createdAt()) + " · "
                    + s.teams().stream().map(t -> teams.getOrDefault(t, "")).collect(Collectors.joining(", ")));
            details.addClassName("arki-muted");
            item.add(details);
            if (s.running()) {
                if (s.facilitators().contains(me)) {
                    item.add(new Anchor("sessions/" + s.id() + "/facilitate", getTranslation("sessions.facilitate")));
                }
                item.add(new Anchor("join/" + s.joinCode(), getTranslation("sessions.join")));
            } else {
                Anchor summary = new Anchor("sessions/" + s.id() + "/summary", getTranslation("session.summary.open"));
                item.add(summary);
            }
            items.add(item);
        }
        section.add(items);
        return section;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("sessions.title") + " – " + getTranslation("app.name");
    }
}
