package fi.arki.ui.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.arki.deck.DeckManagement;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Team;
import fi.arki.directory.Role;
import fi.arki.session.LiveState;
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
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
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
 * The participant page as plain HTTP (no script): join by code as a guest, write, vote, rate and
 * see the agreed targets once the session is over, every step a form post with its CSRF token,
 * post-redirect-get; a strict content security policy; a pass good for its own session only.
 */
@UiIntegrationTest
class ParticipantPageTests {

    @Autowired WebApplicationContext context;
    @Autowired TenantManagement tenants;
    @Autowired DirectoryManagement directory;
    @Autowired DeckManagement decks;
    @Autowired SessionManagement sessions;
    @Autowired fi.arki.session.SessionStartManagement starts;
    @Autowired fi.arki.session.FacilitationManagement facilitation;
    @Autowired ArkiI18NProvider i18n;

    MockMvc mvc;
    TenantId tenant = TenantId.random();
    String tenantName = "Pirkanmaan palvelukeskus";
    Team team;
    Person lead;

    @BeforeEach
    void organisation() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        String n = tenant.value().toString().substring(0, 8);
        Actors.asSystem(() -> tenants.create(tenant, "pp-" + n, tenantName));
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

    void asFacilitator(Runnable work) {
        Actors.signIn(tenant, tenantName, Role.TENANT_ADMIN, Role.FACILITATOR);
        try {
            TenantContext.runAs(tenant, work);
        } finally {
            Actors.signOut();
        }
    }

    SessionInfo start(SessionMode mode) {
        SessionInfo[] started = new SessionInfo[1];
        asFacilitator(() -> started[0] = Actors.asSystem(() -> starts.startFor(lead.id(), new SessionStart(List.of(team.id()), "juuti",
                List.of("competence", "closing"), mode, null))));
        return started[0];
    }

    int stepOf(SessionInfo session, String kind, int nth) {
        LiveState[] state = new LiveState[1];
        asFacilitator(() -> state[0] = sessions.state(session.id()));
        return state[0].steps().stream().filter(s -> s.kind().name().equals(kind)).skip(nth).findFirst().orElseThrow().index();
    }

    int lastBefore(SessionInfo session, String kind, int before) {
        LiveState[] state = new LiveState[1];
        asFacilitator(() -> state[0] = sessions.state(session.id()));
        return state[0].steps().stream().filter(s -> s.kind().name().equals(kind) && s.index() < before)
                .reduce((a, b) -> b).orElseThrow().index();
    }

    void goTo(SessionInfo session, int step) {
        asFacilitator(() -> Actors.asSystem(() -> facilitation.goTo(session.id(), step)));
    }

    MockHttpServletResponse send(MockHttpServletRequestBuilder request, Cookie... cookies) throws Exception {
        if (cookies.length > 0) {
            request.cookie(cookies);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    /** Joins as a guest with this language and returns the browser's cookies (pass and language). */
    Cookie[] joinAsGuest(SessionInfo session, String name, Language language) throws Exception {
        Cookie lang = new Cookie("arki-lang", language.tag());
        MockHttpServletResponse joined = send(post("/join/" + session.joinCode()).param("name", name).with(csrf()), lang);
        assertThat(joined.getStatus()).as(joined.getContentAsString()).isEqualTo(303);
        assertThat(joined.getHeader("Location")).isEqualTo("/p/" + session.id().value());
        Cookie pass = joined.getCookie("arki-p-" + session.id().value().toString().replace("-", ""));
        assertThat(pass).isNotNull();
        assertThat(pass.isHttpOnly()).isTrue();
        return new Cookie[] {pass, lang};
    }

    Document page(SessionInfo session, Cookie... cookies) throws Exception {
        MockHttpServletResponse response = send(get("/p/" + session.id().value()), cookies);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    String t(Language language, String key, Object... params) {
        return i18n.getTranslation(key, language.locale(), params);
    }

    @Test
    void a_code_that_leads_nowhere_is_explained_on_the_form_with_what_was_typed_in_finnish_swedish_and_english() throws Exception {
        for (Language language : List.of(Language.FI, Language.SV, Language.EN)) {
            for (String code : List.of("ZZZZZZ", "abc", "2345678923456789")) {
                MockHttpServletResponse response = send(get("/join").param("code", code).header("Accept-Language", language.tag())
                        .cookie(new Cookie("arki-lang", language.tag())));
                if (response.getStatus() == 303) {
                    response = send(get(response.getHeader("Location")), new Cookie("arki-lang", language.tag()));
                }
                Document doc = Jsoup.parse(response.getContentAsString());
                assertThat(response.getStatus()).as("%s %s", language, code).isEqualTo(404);
                assertThat(doc.select("#join-problem").text()).as("%s %s", language, code).isEqualTo(t(language, "join.not-found"));
                assertThat(doc.select("#join-code-input input").attr("value")).as("what was typed stays")
                        .isEqualTo(fi.arki.session.SessionStartManagement.normaliseCode(code));
                assertThat(doc.select("html").attr("lang")).isEqualTo(language.tag());
            }
        }
    }

    @Test
    void the_participant_pages_send_a_policy_without_unsafe_inline_or_unsafe_eval_and_may_not_be_framed() throws Exception {
        SessionInfo session = start(SessionMode.NAMED);
        for (String path : List.of("/join", "/join/" + session.joinCode(), "/p/" + session.id().value())) {
            MockHttpServletResponse response = send(get(path));
            String csp = response.getHeader("Content-Security-Policy");
            assertThat(csp).as(path).contains("frame-ancestors 'none'").contains("script-src 'self'")
                    .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(response.getHeader("X-Frame-Options")).as(path).isEqualTo("DENY");
        }
    }

    @Test
    void a_form_post_without_its_csrf_token_is_refused_and_nobody_joins() throws Exception {
        SessionInfo session = start(SessionMode.NAMED);
        MockHttpServletResponse refused = send(post("/join/" + session.joinCode()).param("name", "Hyökkääjä"));
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getCookie("arki-p-" + session.id().value().toString().replace("-", ""))).isNull();
        // and the join page's own form carries the token
        Document form = Jsoup.parse(send(get("/join/" + session.joinCode())).getContentAsString());
        assertThat(form.select("form.arki-join-form input[name=_csrf]").attr("value")).isNotBlank();
    }

    @Test
    void a_guest_joins_writes_votes_rates_and_sees_the_agreed_targets_after_the_end() throws Exception {
        SessionInfo session = start(SessionMode.NAMED);
        Cookie[] me = joinAsGuest(session, "Greta Gäst", Language.SV);

        // the card's "pick" (the last prompt before its vote; the vote is over the group step over the picks, Juuti 2.1.0)
        int prompt = lastBefore(session, "PROMPT", stepOf(session, "VOTE", 0));
        goTo(session, prompt);
        Document writing = page(session, me);
        assertThat(writing.select("#step-question").text()).isNotBlank();
        // a session without a title of its own is named after its deck: in the viewer's language
        assertThat(session.title()).startsWith("Juutin");
        assertThat(writing.select("#session-title").text()).isEqualTo("Juutis sex dimensioner");
        assertThat(writing.select("#answer-text textarea")).hasSize(1);
        assertThat(writing.select("#answer-counter").text()).isEqualTo(t(Language.SV, "participant.counter", "0", "2000"));
        assertThat(writing.select("main#participant").attr("data-events")).isEqualTo("/p/" + session.id().value() + "/events");
        String id = writing.select("form.arki-answer-form input[name=id]").attr("value");

        // "saved" only for what committed; the same id again stores nothing new (idempotent)
        for (int i = 0; i < 2; i++) {
            MockHttpServletResponse saved = send(post("/p/" + session.id().value() + "/answers").param("step", String.valueOf(prompt))
                    .param("id", id).param("text", "Kundtjänst på svenska").with(csrf()), me);
            assertThat(saved.getStatus()).isEqualTo(303);
        }
        Document after = page(session, me);
        assertThat(after.select("#my-answers .arki-own-answer")).singleElement().satisfies(li -> {
            assertThat(li.select(".arki-answer-text").text()).isEqualTo("Kundtjänst på svenska");
            assertThat(li.select(".arki-status-saved").text()).isEqualTo(t(Language.SV, "session.answer.status.saved"));
        });

        // text the server refuses is shown as refused, and kept in the field
        String tooLong = "x".repeat(2001);
        var refused = mvc.perform(post("/p/" + session.id().value() + "/answers").param("step", String.valueOf(prompt))
                .param("id", UUID.randomUUID().toString()).param("text", tooLong).with(csrf()).cookie(me)).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(303);
        // the browser follows the redirect with the flash the post left (MockMvc keeps no session between requests)
        Document shown = Jsoup.parse(send(get("/p/" + session.id().value()).flashAttrs(refused.getFlashMap()), me).getContentAsString());
        assertThat(shown.select("#answer-problem").text()).startsWith(t(Language.SV, "participant.refused", "").strip());
        assertThat(shown.select("#answer-text textarea").text()).isEqualTo(tooLong);
        assertThat(shown.select("#my-answers .arki-own-answer")).hasSize(1);

        int vote = stepOf(session, "VOTE", 0);
        goTo(session, vote);
        Document voting = page(session, me);
        assertThat(voting.select("#vote #dots-left").text()).isEqualTo(t(Language.SV, "session.vote.left", 3, 3));
        String item = voting.select(".arki-vote-item input[name=item]").first().attr("value");
        assertThat(send(post("/p/" + session.id().value() + "/dots").param("step", String.valueOf(vote)).param("item", item)
                .param("dots", "2").with(csrf()), me).getStatus()).isEqualTo(303);
        assertThat(page(session, me).select("#dots-left").text()).isEqualTo(t(Language.SV, "session.vote.left", 1, 3));
        // over budget: refused, the dots stay as they were
        send(post("/p/" + session.id().value() + "/dots").param("step", String.valueOf(vote)).param("item", item)
                .param("dots", "4").with(csrf()), me);
        assertThat(page(session, me).select("#dots-left").text()).isEqualTo(t(Language.SV, "session.vote.left", 1, 3));

        int pulse = stepOf(session, "PULSE", 0);
        goTo(session, pulse);
        assertThat(page(session, me).select("#rate button")).hasSize(5);
        send(post("/p/" + session.id().value() + "/rating").param("step", String.valueOf(pulse)).param("value", "4").with(csrf()), me);
        Document rated = page(session, me);
        assertThat(rated.select("#rate-4").attr("aria-pressed")).isEqualTo("true");
        assertThat(rated.select("#rate-3").attr("aria-pressed")).isEqualTo("false");
        assertThat(rated.select("#rating-saved").text()).isEqualTo(t(Language.SV, "session.rate.saved", 4));

        int targets = stepOf(session, "COMMIT_TARGETS", 0);
        asFacilitator(() -> {
            Actors.asSystem(() -> facilitation.commitTarget(session.id(), targets, fi.arki.followup.TargetId.random(), "Svenska på telefon",
                    null, "Greta", LocalDate.of(2027, 3, 1), null));
            Actors.asSystem(() -> facilitation.close(session.id()));
        });
        Document closed = page(session, me);
        assertThat(closed.select("#session-closed").text()).isEqualTo(t(Language.SV, "session.closed.participant"));
        assertThat(closed.select("#committed-targets .arki-target-title").text()).isEqualTo("Svenska på telefon");
        assertThat(closed.select("#committed-targets .arki-target-details").text()).contains("Greta").contains("1.3.2027");
    }

    @Autowired fi.arki.identity.AccountManagement accounts;

    @Test
    void one_signed_in_person_is_one_participant_on_any_number_of_devices() throws Exception {
        SessionInfo session = start(SessionMode.NAMED);
        fi.arki.identity.ActingUser[] member = new fi.arki.identity.ActingUser[1];
        asFacilitator(() -> {
            Person olli = accounts.createLocalMember("pp-" + tenant.value().toString().substring(0, 8), "Olli Osallistuja", null,
                    "long-enough-password", java.util.Set.of(Role.MEMBER));
            directory.addToTeam(team.id(), olli.id(), false);
            member[0] = new fi.arki.identity.ActingUser(olli.account(), "Olli Osallistuja", false, tenant, tenantName, List.of(Role.MEMBER));
        });
        var signedIn = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(member[0], null,
                        List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_MEMBER"))));
        String cookieName = "arki-p-" + session.id().value().toString().replace("-", "");

        // the phone joins by the link
        MockHttpServletResponse phone = send(post("/join/" + session.joinCode()).with(csrf()).with(signedIn));
        assertThat(phone.getStatus()).isEqualTo(303);
        Cookie phonePass = phone.getCookie(cookieName);
        // the laptop opens the session page directly, without a pass: the same participant, a pass of its own
        MockHttpServletResponse laptop = send(get("/p/" + session.id().value()).with(signedIn));
        assertThat(laptop.getStatus()).isEqualTo(200);
        assertThat(laptop.getCookie(cookieName)).isNotNull();
        // the phone's pass was replaced meanwhile; signed in, it comes back as the same participant
        assertThat(send(get("/p/" + session.id().value()).with(signedIn), phonePass).getStatus()).isEqualTo(200);

        LiveState[] state = new LiveState[1];
        asFacilitator(() -> state[0] = sessions.state(session.id()));
        assertThat(state[0].participants()).hasSize(1);
        // signed out, a replaced pass is just not good any more
        assertThat(send(get("/p/" + session.id().value()), phonePass).getHeader("Location")).isEqualTo("/join");
    }

    /**
     * The language switch on a session page is stored for the participant: the page follows it
     * whatever the browser's cookie or Accept-Language says (cookies cleared, another device),
     * and a signed-in member's second device opens in it too.
     */
    @Test
    void a_language_switched_on_the_page_follows_the_participant_to_another_device() throws Exception {
        SessionInfo session = start(SessionMode.NAMED);
        Cookie[] me = joinAsGuest(session, "Greta Gäst", Language.FI);
        Cookie pass = me[0];
        assertThat(page(session, me).select("html").attr("lang")).isEqualTo("fi");
        MockHttpServletResponse switched = send(post("/join/language").param("language", "sv")
                .param("back", "/p/" + session.id().value()).with(csrf()), pass);
        assertThat(switched.getHeader("Location")).isEqualTo("/p/" + session.id().value());

        // the language cookie lost (or still saying Finnish) and a browser asking for English: still Swedish
        Document cleared = Jsoup.parse(send(get("/p/" + session.id().value()).header("Accept-Language", "en"), pass)
                .getContentAsString());
        assertThat(cleared.select("html").attr("lang")).isEqualTo("sv");
        assertThat(cleared.select("#language-select option[selected]").attr("value")).isEqualTo("sv");
        assertThat(page(session, pass, new Cookie("arki-lang", "fi")).select("html").attr("lang")).isEqualTo("sv");
        // its own part too (fetched by the script after a step change)
        MockHttpServletResponse personal = send(get("/p/" + session.id().value() + "/personal").header("Accept-Language", "en"), pass);
        assertThat(personal.getStatus()).isEqualTo(200);

        // a signed-in member: switched on the phone, the laptop (no pass, an English browser) opens in Swedish
        fi.arki.identity.ActingUser[] member = new fi.arki.identity.ActingUser[1];
        asFacilitator(() -> {
            Person maija = accounts.createLocalMember("pl-" + tenant.value().toString().substring(0, 8), "Maija Jäsen", null,
                    "long-enough-password", java.util.Set.of(Role.MEMBER));
            directory.addToTeam(team.id(), maija.id(), false);
            member[0] = new fi.arki.identity.ActingUser(maija.account(), "Maija Jäsen", false, tenant, tenantName, List.of(Role.MEMBER));
        });
        var signedIn = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(member[0], null,
                        List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_MEMBER"))));
        String cookieName = "arki-p-" + session.id().value().toString().replace("-", "");
        Cookie phonePass = send(post("/join/" + session.joinCode()).with(csrf()).with(signedIn), new Cookie("arki-lang", "fi"))
                .getCookie(cookieName);
        assertThat(phonePass).isNotNull();
        send(post("/join/language").param("language", "sv").param("back", "/p/" + session.id().value()).with(csrf()).with(signedIn),
                phonePass);
        MockHttpServletResponse laptop = send(get("/p/" + session.id().value()).header("Accept-Language", "en").with(signedIn));
        assertThat(laptop.getStatus()).isEqualTo(200);
        assertThat(Jsoup.parse(laptop.getContentAsString()).select("html").attr("lang")).isEqualTo("sv");
        // the laptop's switch goes back to the phone (whose own pass was replaced; signed in, it is the same participant)
        Cookie laptopPass = laptop.getCookie(cookieName);
        send(post("/join/language").param("language", "en").param("back", "/p/" + session.id().value()).with(csrf()).with(signedIn),
                laptopPass);
        MockHttpServletResponse phone = send(get("/p/" + session.id().value()).with(signedIn), phonePass, new Cookie("arki-lang", "fi"));
        assertThat(phone.getStatus()).isEqualTo(200);
        assertThat(Jsoup.parse(phone.getContentAsString()).select("html").attr("lang")).isEqualTo("en");
        // the guest's choice was the guest's own
        assertThat(page(session, pass).select("html").attr("lang")).isEqualTo("sv");
    }

    @Test
    void a_pass_is_good_for_its_own_session_only_and_a_forged_tenant_in_it_finds_nobody() throws Exception {
        SessionInfo mine = start(SessionMode.ANONYMOUS);
        SessionInfo other = start(SessionMode.ANONYMOUS);
        Cookie[] me = joinAsGuest(mine, null, Language.FI);
        String token = me[0].getValue().substring(me[0].getValue().indexOf('~') + 1);

        // the same pass under the other session's cookie name: no such participant there
        Cookie moved = new Cookie("arki-p-" + other.id().value().toString().replace("-", ""), me[0].getValue());
        MockHttpServletResponse denied = send(get("/p/" + other.id().value()), moved);
        assertThat(denied.getStatus()).isEqualTo(303);
        assertThat(denied.getHeader("Location")).isEqualTo("/join");

        // another tenant named in the pass: the participant is not found there
        Cookie forged = new Cookie(me[0].getName(), TenantId.random().value() + "~" + token);
        assertThat(send(get("/p/" + mine.id().value()), forged).getStatus()).isEqualTo(303);
        assertThat(send(post("/p/" + mine.id().value() + "/rating").param("step", "0").param("value", "3").with(csrf()), forged)
                .getHeader("Location")).isEqualTo("/join");

        // no pass at all
        assertThat(send(get("/p/" + mine.id().value())).getHeader("Location")).isEqualTo("/join");
        assertThat(page(mine, me).select("#step-progress").text()).isNotBlank();
    }
}
