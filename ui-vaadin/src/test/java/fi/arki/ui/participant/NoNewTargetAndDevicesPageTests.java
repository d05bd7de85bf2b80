package fi.arki.ui.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.arki.deck.DeckManagement;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.session.LiveState;
import fi.arki.session.NoNewTargetManagement;
import fi.arki.session.SessionInfo;
import fi.arki.session.SessionManagement;
import fi.arki.session.SessionMode;
import fi.arki.session.SessionStart;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.testing.Actors;
import fi.arki.ui.UiIntegrationTest;
import fi.arki.ui.i18n.ArkiI18NProvider;
import jakarta.servlet.http.Cookie;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The participant page (plain HTTP against the real app, as {@link ParticipantPageTests}): the
 * commit step and the closed page say "no new development target" when the team decided so
 * (issue 11 item 1), and a signed-in member on two devices of an ANONYMOUS session is one
 * participant (issue 10).
 */
@UiIntegrationTest
class NoNewTargetAndDevicesPageTests {

    @Autowired WebApplicationContext context;
    @Autowired TenantManagement tenants;
    @Autowired DirectoryManagement directory;
    @Autowired DeckManagement decks;
    @Autowired SessionManagement sessions;
    @Autowired NoNewTargetManagement noNewTarget;
    @Autowired fi.arki.session.SessionStartManagement starts;
    @Autowired fi.arki.session.FacilitationManagement facilitation;
    @Autowired ArkiI18NProvider i18n;
    @Autowired fi.arki.identity.AccountManagement accounts;

    MockMvc mvc;
    TenantId tenant = TenantId.random();
    String tenantName = "Pirkanmaan palvelukeskus";
    Team team;
    Person lead;

    @BeforeEach
    void organisation() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        String n = tenant.value().toString().substring(0, 8);
        Actors.asSystem(() -> tenants.create(tenant, "nt-" + n, tenantName));
        asFacilitator(() -> {
            decks.enable("juuti", null);
            var unit = directory.createUnit("Asiakaspalvelu");
            team = directory.createTeam(unit.id(), "Neuvonta");
            lead = directory.addPerson("Fanni Fasilitaattori", null, null);
            directory.grantRole(lead.id(), Role.FACILITATOR);
            directory.addToTeam(team.id(), lead.id(), true);
        });
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    /** Set-up and the facilitator's moves, as Arki itself (the console's own checks are tested elsewhere). */
    void asFacilitator(Runnable work) {
        Actors.asSystem(() -> TenantContext.runAs(tenant, work));
    }

    SessionInfo start(SessionMode mode) {
        SessionInfo[] started = new SessionInfo[1];
        asFacilitator(() -> started[0] = starts.startFor(lead.id(), new SessionStart(List.of(team.id()), "juuti",
                List.of("competence"), mode, null)));
        return started[0];
    }

    LiveState state(SessionInfo session) {
        LiveState[] state = new LiveState[1];
        asFacilitator(() -> state[0] = sessions.state(session.id()));
        return state[0];
    }

    MockHttpServletResponse send(MockHttpServletRequestBuilder request, Cookie... cookies) throws Exception {
        if (cookies.length > 0) {
            request.cookie(cookies);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    Document page(SessionInfo session, Cookie... cookies) throws Exception {
        MockHttpServletResponse response = send(get("/p/" + session.id().value()), cookies);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    String t(Language language, String key) {
        return i18n.getTranslation(key, language.locale());
    }

    @Test
    void the_commit_step_and_the_closed_page_say_no_new_development_target_in_the_participants_language() throws Exception {
        SessionInfo session = start(SessionMode.ANONYMOUS);
        Cookie lang = new Cookie("arki-lang", Language.SV.tag());
        MockHttpServletResponse joined = send(post("/join/" + session.joinCode()).with(csrf()), lang);
        assertThat(joined.getStatus()).as(joined.getContentAsString()).isEqualTo(303);
        Cookie[] me = {joined.getCookie("arki-p-" + session.id().value().toString().replace("-", "")), lang};

        int commit = state(session).steps().stream().filter(s -> s.kind().name().equals("COMMIT_TARGETS"))
                .findFirst().orElseThrow().index();
        asFacilitator(() -> facilitation.goTo(session.id(), commit));
        assertThat(page(session, me).select("#no-new-target")).as("nothing decided yet").isEmpty();

        asFacilitator(() -> noNewTarget.decide(session.id(), commit));
        Document step = page(session, me);
        assertThat(step.select("#committed-targets")).hasSize(1);
        assertThat(step.select("#no-new-target").text()).isEqualTo(t(Language.SV, "session.no-new-target"))
                .isEqualTo("Inget nytt utvecklingsmål");

        asFacilitator(() -> facilitation.close(session.id()));
        Document closed = page(session, me);
        assertThat(closed.select("#session-closed")).hasSize(1);
        assertThat(closed.select("#no-new-target").text()).isEqualTo("Inget nytt utvecklingsmål");
    }

    @Test
    void a_signed_in_member_on_two_devices_of_an_anonymous_session_is_one_participant() throws Exception {
        SessionInfo session = start(SessionMode.ANONYMOUS);
        fi.arki.identity.ActingUser[] member = new fi.arki.identity.ActingUser[1];
        asFacilitator(() -> {
            Person olli = accounts.createLocalMember("nt-" + tenant.value().toString().substring(0, 8), "Olli Osallistuja", null,
                    "long-enough-password", java.util.Set.of(Role.MEMBER));
            directory.addToTeam(team.id(), olli.id(), false);
            member[0] = new fi.arki.identity.ActingUser(olli.account(), "Olli Osallistuja", false, tenant, tenantName, List.of(Role.MEMBER));
        });
        var signedIn = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(member[0], null,
                        List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_MEMBER"))));
        String cookieName = "arki-p-" + session.id().value().toString().replace("-", "");

        MockHttpServletResponse phone = send(post("/join/" + session.joinCode()).with(csrf()).with(signedIn));
        assertThat(phone.getStatus()).isEqualTo(303);
        assertThat(phone.getCookie(cookieName)).isNotNull();
        // the laptop opens the session page without a pass: the same participant, with a pass of its own
        MockHttpServletResponse laptop = send(get("/p/" + session.id().value()).with(signedIn));
        assertThat(laptop.getStatus()).isEqualTo(200);
        assertThat(laptop.getCookie(cookieName)).isNotNull();
        assertThat(laptop.getCookie(cookieName).getValue()).isNotEqualTo(phone.getCookie(cookieName).getValue());
        // and a second join by the link from a third device
        assertThat(send(post("/join/" + session.joinCode()).with(csrf()).with(signedIn)).getStatus()).isEqualTo(303);

        LiveState state = state(session);
        assertThat(state.participants()).singleElement().satisfies(p -> {
            assertThat(p.name()).as("an anonymous session names nobody").isNull();
            assertThat(p.guest()).isFalse();
        });
    }
}
