package fi.arki.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.select.Select;
import fi.arki.deck.DeckManagement;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.identity.AccountManagement;
import fi.arki.identity.ActingUser;
import fi.arki.session.ParticipantId;
import fi.arki.session.ParticipantManagement;
import fi.arki.session.SessionInfo;
import fi.arki.session.SessionManagement;
import fi.arki.session.SessionMode;
import fi.arki.session.SessionStart;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.testing.Actors;
import fi.arki.testing.TestDatabase;
import fi.arki.ui.UiIntegrationTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The join page of a session of the shared-customers deck, co-owned by two teams of one unit, with
 * the deck's {@code attribute-to-teams} setting on: a guest is offered the session's teams (not
 * units) and has to choose one; a member of exactly one of them is not asked and speaks for it.
 * The summary then shows an answer under its writer's team. With the setting off, no team is
 * offered.
 */
@UiIntegrationTest
class JoinViewTeamsTests extends SpringBrowserlessTest {

    static final String DECK = "sharedcustomers";

    @Autowired TenantManagement tenants;
    @Autowired DirectoryManagement directory;
    @Autowired DeckManagement decks;
    @Autowired SessionManagement sessions;
    @Autowired AccountManagement accounts;
    @Autowired ParticipantManagement participants;

    TenantId tenant = TenantId.random();
    String tenantName = "Etelä-Savon elinvoimakeskus";
    Team financing;
    Team advice;
    Person lead;
    ActingUser member;

    @BeforeEach
    void organisation() {
        String n = tenant.value().toString().substring(0, 8);
        Actors.asSystem(() -> tenants.create(tenant, "jt-" + n, tenantName));
        Actors.signIn(tenant, tenantName, Role.TENANT_ADMIN, Role.FACILITATOR);
        TenantContext.runAs(tenant, () -> {
            decks.enable(DECK, null);
            var unit = directory.createUnit("Yrityspalvelut");
            financing = directory.createTeam(unit.id(), "Rahoitustiimi");
            advice = directory.createTeam(unit.id(), "Neuvontatiimi");
            lead = directory.addPerson("Fanni Fasilitaattori", null, null);
            directory.grantRole(lead.id(), Role.FACILITATOR);
            // starts sessions for teams it is not in: only an administrator may (StartableTeams)
            directory.grantRole(lead.id(), Role.TENANT_ADMIN);
            directory.addToTeam(financing.id(), lead.id(), true);
            Person olli = accounts.createLocalMember("jt-" + n, "Olli Osallistuja", null, "long-enough-password",
                    java.util.Set.of(Role.MEMBER));
            directory.addToTeam(advice.id(), olli.id(), false);
            member = new ActingUser(olli.account(), "Olli Osallistuja", false, tenant, tenantName, List.of(Role.MEMBER));
        });
        Actors.signIn(member);
        accounts.changeOwnPassword("long-enough-password", "a-password-of-his-own"); // else the first page is the password change
        Actors.signOut();
        UI.getCurrent().setLocale(Language.FI.locale());
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    @Test
    void a_guest_is_offered_the_sessions_teams_has_to_choose_one_and_joins_under_it() {
        SessionInfo session = start(true);
        navigate("join/" + session.joinCode(), JoinView.class);

        assertThat($(Select.class).withId("join-unit").exists()).as("no choice of units").isFalse();
        @SuppressWarnings("unchecked")
        Select<Object> team = $(Select.class).id("join-team");
        assertThat(team.getLabel()).isEqualTo(UI.getCurrent().getTranslation("join.team"));
        assertThat(test(team).getSuggestions()).containsExactly("Rahoitustiimi", "Neuvontatiimi");

        test($(Button.class).id("join-submit")).click();
        assertThat(team.isInvalid()).isTrue();
        assertThat(team.getErrorMessage()).isEqualTo(UI.getCurrent().getTranslation("session.error.team-required"))
                .doesNotStartWith("!");
        assertThat(teamsOfParticipants(session)).as("nothing stored before a team is chosen").isEmpty();

        test(team).selectItem("Neuvontatiimi");
        test($(Button.class).id("join-submit")).click();
        assertThat(teamsOfParticipants(session)).containsExactly(advice.id().value());
        assertThat($(Select.class).withId("join-team").exists()).as("the join form has given way to the session").isFalse();
    }

    @Test
    void the_summary_shows_an_answer_under_the_team_its_writer_chose_not_the_unit() {
        SessionInfo session = start(true);
        navigate("join/" + session.joinCode(), JoinView.class);
        @SuppressWarnings("unchecked")
        Select<Object> team = $(Select.class).id("join-team");
        test(team).selectItem("Rahoitustiimi");
        test($(Button.class).id("join-submit")).click();
        ParticipantId guest = new ParticipantId(participantIds(session).getFirst());

        Actors.signIn(tenant, tenantName, Role.TENANT_ADMIN, Role.FACILITATOR);
        TenantContext.runAs(tenant, () -> {
            participants.writeAnswer(session.id(), guest, 1, UUID.randomUUID(), null, "Yrittäjä soittaa kahdesti");
            sessions.close(lead.id(), session.id());
        });
        Actors.signIn(member); // a member of one of the session's teams may see its summary
        TenantContext.runAs(tenant, () -> navigate("sessions/" + session.id().value() + "/summary", SummaryView.class));

        List<String> rows = $(ListItem.class).all().stream().filter(i -> i.getClassNames().contains("arki-summary-row"))
                .map(i -> i.getElement().getTextRecursively()).toList();
        assertThat(rows).filteredOn(r -> r.startsWith("Yrittäjä soittaa kahdesti")).singleElement().satisfies(r ->
                assertThat(r).contains("Rahoitustiimi").doesNotContain("Yrityspalvelut").doesNotContain("Olli"));
    }

    @Test
    void a_member_of_exactly_one_of_the_sessions_teams_is_not_asked_and_speaks_for_it() {
        SessionInfo session = start(true);
        Actors.signIn(member);
        navigate("join/" + session.joinCode(), JoinView.class);

        assertThat($(Select.class).withId("join-team").exists()).as("no choice of teams").isFalse();
        test($(Button.class).id("join-submit")).click();
        assertThat(teamsOfParticipants(session)).containsExactly(advice.id().value());
    }

    @Test
    void with_the_setting_off_no_team_is_offered_and_none_is_stored() {
        SessionInfo session = start(false);
        navigate("join/" + session.joinCode(), JoinView.class);

        assertThat($(Select.class).withId("join-team").exists()).as("no choice of teams").isFalse();
        test($(Button.class).id("join-submit")).click();
        assertThat(teamsOfParticipants(session)).containsExactly((UUID) null);
    }

    SessionInfo start(boolean byTeam) {
        Actors.signIn(tenant, tenantName, Role.TENANT_ADMIN, Role.FACILITATOR);
        try {
            return TenantContext.callAs(tenant, () -> {
                decks.saveSettings(DECK, Map.of("attribute-to-teams", Boolean.toString(byTeam)));
                return sessions.start(lead.id(), new SessionStart(List.of(financing.id(), advice.id()), DECK, List.of("customers"),
                        SessionMode.ANONYMOUS, null));
            });
        } finally {
            Actors.signOut();
        }
    }

    static List<UUID> participantIds(SessionInfo session) {
        try (Connection c = TestDatabase.superuser().getConnection();
             ResultSet rs = c.createStatement().executeQuery("select id from participant where session_id = '" + session.id().value() + "'")) {
            List<UUID> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<UUID> teamsOfParticipants(SessionInfo session) {
        try (Connection c = TestDatabase.superuser().getConnection();
             ResultSet rs = c.createStatement().executeQuery("select team_id from participant where session_id = '" + session.id().value() + "'")) {
            List<UUID> teams = new ArrayList<>();
            while (rs.next()) {
                teams.add(rs.getObject(1, UUID.class));
            }
            return teams;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
