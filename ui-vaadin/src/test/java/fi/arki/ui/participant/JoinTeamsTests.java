package fi.arki.ui.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

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
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import fi.arki.ui.i18n.ArkiI18NProvider;
import jakarta.servlet.http.Cookie;

/**
 * The join page of a session of the shared-customers deck, co-owned by two teams of one unit, with
 * the deck's {@code attribute-to-teams} setting on: a guest is offered the session's teams (not
 * units) and has to choose one; a member of exactly one of them is not asked and speaks for it.
 * The summary then shows an answer under its writer's team. With the setting off, no team is
 * offered.
 */
@UiIntegrationTest
class JoinTeamsTests {

    static final String DECK = "sharedcustomers";

    @Autowired WebApplicationContext context;
    @Autowired TenantManagement tenants;
    @Autowired DirectoryManagement directory;
    @Autowired DeckManagement decks;
    @Autowired SessionManagement sessions;
    @Autowired fi.arki.session.SessionStartManagement starts;
    @Autowired AccountManagement accounts;
    @Autowired ParticipantManagement participants;
    @Autowired ArkiI18NProvider i18n;

    MockMvc mvc;
    TenantId tenant = TenantId.random();
    String tenantName = "Etelä-Savon elinvoimakeskus";
    Team financing;
    Team advice;
    Person lead;
    ActingUser member;

    @BeforeEach
    void organisation() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
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
        Actors.signOut();
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    static final Cookie FINNISH = new Cookie("arki-lang", "fi");

    MockHttpServletResponse send(MockHttpServletRequestBuilder request, ActingUser as) throws Exception {
        request.cookie(FINNISH);
        if (as != null) {
            request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(as, null,
                    as.roleNames().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList())));
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    Document joinPage(SessionInfo session, ActingUser as) throws Exception {
        return Jsoup.parse(send(get("/join/" + session.joinCode()), as).getContentAsString());
    }

    @Test
    void a_guest_is_offered_the_sessions_teams_has_to_choose_one_and_joins_under_it() throws Exception {
        SessionInfo session = start(true);
        Document page = joinPage(session, null);

        assertThat(page.select("#join-unit")).as("no choice of units").isEmpty();
        assertThat(page.select("#join-team label").text()).startsWith(i18n.getTranslation("join.team", Language.FI.locale()));
        assertThat(page.select("#join-team select option").eachText()).containsExactly("Rahoitustiimi", "Neuvontatiimi");

        MockHttpServletResponse refused = send(post("/join/" + session.joinCode()).with(csrf()), null);
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.getContentAsString()).select("#join-busy").text())
                .isEqualTo(i18n.getTranslation("session.error.team-required", Language.FI.locale())).doesNotStartWith("!");
        assertThat(teamsOfParticipants(session)).as("nothing stored before a team is chosen").isEmpty();

        String chosen = page.select("#join-team option:contains(Neuvontatiimi)").attr("value");
        MockHttpServletResponse joined = send(post("/join/" + session.joinCode()).param("team", chosen).with(csrf()), null);
        assertThat(joined.getStatus()).isEqualTo(303);
        assertThat(joined.getHeader("Location")).as("the join form has given way to the session").isEqualTo("/p/" + session.id().value());
        assertThat(teamsOfParticipants(session)).containsExactly(advice.id().value());
    }

    @Test
    void a_member_of_exactly_one_of_the_sessions_teams_is_not_asked_and_speaks_for_it() throws Exception {
        SessionInfo session = start(true);
        Document page = joinPage(session, member);

        assertThat(page.select("#join-team")).as("no choice of teams").isEmpty();
        assertThat(page.select("#join-submit").text()).isEqualTo(i18n.getTranslation("join.as-member", Language.FI.locale(), "Olli Osallistuja"));
        assertThat(page.select("#join-sign-in")).as("a signed-in member is not offered to sign in").isEmpty();
        assertThat(send(post("/join/" + session.joinCode()).with(csrf()), member).getStatus()).isEqualTo(303);
        assertThat(teamsOfParticipants(session)).containsExactly(advice.id().value());
    }

    @Test
    void with_the_setting_off_no_team_is_offered_and_none_is_stored() throws Exception {
        SessionInfo session = start(false);
        Document page = joinPage(session, null);

        assertThat(page.select("#join-team")).as("no choice of teams").isEmpty();
        assertThat(page.select("#join-sign-in").attr("href")).as("a signed-out member may sign in and join as themselves")
                .isEqualTo("/join/" + session.joinCode() + "/member");
        assertThat(send(post("/join/" + session.joinCode()).with(csrf()), null).getStatus()).isEqualTo(303);
        assertThat(teamsOfParticipants(session)).containsExactly((UUID) null);
    }

    @Test
    void signing_in_from_a_join_link_comes_back_to_the_same_join_page() throws Exception {
        SessionInfo session = start(false);
        var first = mvc.perform(get("/join/" + session.joinCode() + "/member")).andReturn();
        assertThat(first.getResponse().getStatus()).isEqualTo(303);
        assertThat(first.getResponse().getHeader("Location")).isEqualTo("/login");
        var saved = new org.springframework.security.web.savedrequest.HttpSessionRequestCache()
                .getRequest(first.getRequest(), first.getResponse());
        assertThat(saved).isNotNull();
        assertThat(saved.getRedirectUrl()).contains("/join/" + session.joinCode() + "/member");
        // signed in, the same address leads on to the join page, where they join as themselves
        MockHttpServletResponse back = send(get("/join/" + session.joinCode() + "/member"), member);
        assertThat(back.getHeader("Location")).isEqualTo("/join/" + session.joinCode());
    }

    SessionInfo start(boolean byTeam) {
        Actors.signIn(tenant, tenantName, Role.TENANT_ADMIN, Role.FACILITATOR);
        try {
            return TenantContext.callAs(tenant, () -> {
                decks.saveSettings(DECK, Map.of("attribute-to-teams", Boolean.toString(byTeam)));
                return Actors.asSystem(() -> starts.startFor(lead.id(), new SessionStart(List.of(financing.id(), advice.id()), DECK, List.of("customers"),
                        SessionMode.ANONYMOUS, null)));
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
