package fi.arki.ui.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.arki.Application;
import fi.arki.deck.DeckManagement;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.session.Joined;
import fi.arki.session.Joiner;
import fi.arki.session.LiveStates;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The participants' event stream over real HTTP against the running application: the same bytes
 * to everyone after a facilitator's step change, catch-up by {@code Last-Event-ID}, and no stream
 * for anyone who is not a participant of that session; a participant who stops reading holds up
 * nobody else.
 */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // Tomcat would end a blocked write itself after this long: far beyond the test's patience, so only our own bound counts
        "server.tomcat.connection-timeout=10m", "arki.participant.write-timeout-seconds=3", "arki.participant.heartbeat-seconds=1"})
@ActiveProfiles("test")
@Tag("integration")
class ParticipantEventsIntegrationTests {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort int port;
    @Autowired TenantManagement tenants;
    @Autowired DeckManagement decks;
    @Autowired DirectoryManagement directory;
    @Autowired SessionManagement sessions;
    @Autowired fi.arki.session.SessionStartManagement starts;
    @Autowired fi.arki.session.FacilitationManagement facilitation;
    @Autowired ParticipantManagement participants;
    @Autowired fi.arki.session.JoinManagement joins;
    @Autowired LiveStates states;
    @Autowired ParticipantStreams streams;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    final List<SseClient> clients = new ArrayList<>();
    final TenantId tenant = TenantId.random();
    Person lead;
    SessionInfo session;
    SessionInfo other;

    @BeforeEach
    void runningSession() {
        Actors.asSystem(() -> tenants.create(tenant, "sse-" + tenant.value().toString().substring(0, 8), "Virasto"));
        Actors.signIn(tenant, "Virasto", Role.TENANT_ADMIN, Role.FACILITATOR);
        TenantContext.runAs(tenant, () -> {
            decks.enable("juuti", null);
            Team team = directory.createTeam(directory.createUnit("Palvelut").id(), "Asiakaspalvelu");
            lead = directory.addPerson("Fanni Fasilitaattori", null, null);
            directory.addToTeam(team.id(), lead.id(), true);
            session = Actors.asSystem(() -> starts.startFor(lead.id(), new SessionStart(List.of(team.id()), "juuti", List.of("closing"), SessionMode.ANONYMOUS, null)));
            other = Actors.asSystem(() -> starts.startFor(lead.id(), new SessionStart(List.of(team.id()), "juuti", List.of("closing"), SessionMode.ANONYMOUS, null)));
        });
    }

    @AfterEach
    void closeAll() throws Exception {
        for (SseClient client : clients) {
            client.close();
        }
        Actors.signOut();
    }

    static final Map<fi.arki.session.SessionId, TenantId> TENANT_OF = new java.util.concurrent.ConcurrentHashMap<>();

    Joined guest(SessionInfo in) {
        TENANT_OF.put(in.id(), tenant);
        return TenantContext.callAs(tenant, () -> joins.join(in.id(), Joiner.guest(null, null, Language.FI)));
    }

    static String passName(fi.arki.session.SessionId session) {
        return "arki-p-" + session.value().toString().replace("-", "");
    }

    static String cookie(Joined joined) {
        return passName(joined.session()) + "=" + TENANT_OF.get(joined.session()).value() + "~" + joined.token();
    }

    SseClient subscribe(SessionInfo to, Map<String, String> headers, String query) throws Exception {
        SseClient client = SseClient.open(http, URI.create("http://localhost:" + port + "/p/" + to.id().value() + "/events?lang=fi" + query),
                headers);
        clients.add(client);
        return client;
    }

    long version() {
        return TenantContext.callAs(tenant, () -> states.current(session.id())).version();
    }

    @Test
    void two_participants_get_byte_identical_frames_of_the_facilitators_step_change() throws Exception {
        Joined anna = guest(session);
        Joined ben = guest(session);
        long before = version();
        SseClient first = subscribe(session, Map.of("Cookie", cookie(anna)), "&since=" + before);
        SseClient second = subscribe(session, Map.of("Cookie", cookie(ben)), "&since=" + before);
        assertThat(first.status).isEqualTo(200);
        assertThat(second.status).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> streams.connected(tenant, session.id()) == 2);

        TenantContext.runAs(tenant, () -> Actors.asSystem(() -> facilitation.goTo(session.id(), 1)));
        long after = version();
        assertThat(after).isGreaterThan(before);

        await().atMost(PATIENCE).until(() -> first.events("step").stream().anyMatch(f -> f.id() >= after)
                && second.events("step").stream().anyMatch(f -> f.id() >= after));
        SseClient.Frame a = first.events("step").stream().filter(f -> f.id() >= after).findFirst().orElseThrow();
        SseClient.Frame b = second.events("step").stream().filter(f -> f.id() >= after).findFirst().orElseThrow();
        assertThat(b.bytes()).as("the same bytes to every participant of one language and kind").isEqualTo(a.bytes());
        assertThat(a.text()).startsWith("id: " + a.id() + "\nevent: step\ndata: <div id=\"step\"").endsWith("</div>\n\n")
                .contains("data-step=\"1\"");
        assertThat(first.frames().getFirst().text()).as("the stream opens at once, before any change").isEqualTo(":open\n\n");
    }

    @Test
    void a_participant_behind_gets_the_current_step_at_once_and_one_up_to_date_only_what_comes_next() throws Exception {
        Joined anna = guest(session);
        Joined ben = guest(session);
        TenantContext.runAs(tenant, () -> Actors.asSystem(() -> facilitation.goTo(session.id(), 1)));
        long now = version();

        SseClient behind = subscribe(session, Map.of("Cookie", cookie(anna), "Last-Event-ID", String.valueOf(now - 1)), "");
        await().atMost(PATIENCE).until(() -> !behind.events("step").isEmpty());
        assertThat(behind.events("step").getFirst().id()).as("caught up from the database, no announcement needed").isEqualTo(now);
        assertThat(behind.events("step").getFirst().text()).contains("data-step=\"1\"");

        SseClient current = subscribe(session, Map.of("Cookie", cookie(ben), "Last-Event-ID", String.valueOf(now)), "");
        await().atMost(PATIENCE).until(() -> streams.connected(tenant, session.id()) == 2);
        TenantContext.runAs(tenant, () -> Actors.asSystem(() -> facilitation.goTo(session.id(), 2)));
        long next = version();
        await().atMost(PATIENCE).until(() -> !current.events("step").isEmpty());
        assertThat(current.events("step").getFirst().id()).as("nothing resent to a stream that was up to date").isGreaterThanOrEqualTo(next);
        assertThat(current.events("step").getFirst().text()).contains("data-step=\"2\"");
    }

    /**
     * A client that connects and never reads (a small receive buffer, its TCP window soon full):
     * the other participant still gets every step promptly, and the stalled stream is dropped.
     */
    @Test
    void a_participant_who_stops_reading_holds_up_nobody_else() throws Exception {
        Actors.signOut(); // the facilitator's moves below run as Arki itself (who acts is tested in ActingFacilitatorIntegrationTests)
        Joined stuck = guest(session);
        Joined anna = guest(session);
        int prompt = TenantContext.callAs(tenant, () -> states.current(session.id())).steps().stream()
                .filter(s -> s.kind().name().equals("PROMPT")).findFirst().orElseThrow().index();
        // big frames fill the stalled client's buffers sooner: revealed answers travel in every frame of their step
        TenantContext.runAs(tenant, () -> facilitation.goTo(session.id(), prompt));
        for (int i = 0; i < 20; i++) {
            Joined writer = guest(session);
            String text = ("Vastaus " + i + " ").repeat(200).substring(0, 1990);
            TenantContext.runAs(tenant, () -> participants.writeAnswer(session.id(), writer.participant(), prompt,
                    java.util.UUID.randomUUID(), null, text));
        }
        TenantContext.runAs(tenant, () -> facilitation.reveal(session.id(), prompt, true));

        try (java.net.Socket raw = new java.net.Socket()) {
            raw.setReceiveBufferSize(1024);
            raw.connect(new java.net.InetSocketAddress("localhost", port), 30_000);
            raw.getOutputStream().write(("GET /p/" + session.id().value() + "/events?lang=fi HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nAccept: text/event-stream\r\nCookie: " + cookie(stuck) + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            raw.getOutputStream().flush();
            // first in the session's list, so a broadcaster writing in turn would meet it first
            await().atMost(PATIENCE).until(() -> streams.connected(tenant, session.id()) == 1);
            SseClient reader = subscribe(session, Map.of("Cookie", cookie(anna)), "");
            await().atMost(PATIENCE).until(() -> streams.connected(tenant, session.id()) == 2);

            int changes = 0;
            while (streams.connected(tenant, session.id()) == 2) {
                assertThat(changes).as("the client that never reads is found stalled").isLessThan(400);
                int to = changes++ % 2 == 0 ? 0 : prompt;
                TenantContext.runAs(tenant, () -> facilitation.goTo(session.id(), to));
                long now = version();
                await("the reading participant gets change " + changes).atMost(PATIENCE)
                        .until(() -> reader.lastStepId() >= now);
            }
            // dropped: and the next change still reaches the reader
            TenantContext.runAs(tenant, () -> facilitation.goTo(session.id(), 1));
            long last = version();
            await().atMost(PATIENCE).until(() -> reader.lastStepId() >= last);
            assertThat(changes).as("the stalled client really held data back before it was dropped").isGreaterThan(1);
        }
    }

    @Test
    void no_stream_for_anyone_who_is_not_a_participant_of_that_session() throws Exception {
        Joined elsewhere = guest(other);
        Joined anna = guest(session);
        String forgedPass = passName(session.id()) + "=" + tenant.value() + "~" + anna.participant().value() + ".not-the-secret";
        String othersPassUnderThisName = passName(session.id()) + "=" + tenant.value() + "~" + elsewhere.token();
        String rightPassOtherTenant = passName(session.id()) + "=" + TenantId.random().value() + "~" + anna.token();

        assertThat(subscribe(session, Map.of(), "").status).as("no pass").isEqualTo(403);
        assertThat(subscribe(session, Map.of("Cookie", cookie(elsewhere)), "").status).as("a pass of another session").isEqualTo(403);
        assertThat(subscribe(session, Map.of("Cookie", othersPassUnderThisName), "").status)
                .as("another session's pass under this session's name").isEqualTo(403);
        assertThat(subscribe(session, Map.of("Cookie", forgedPass), "").status).as("a participant's id with a wrong secret").isEqualTo(403);
        assertThat(subscribe(session, Map.of("Cookie", rightPassOtherTenant), "").status).as("the right secret under another tenant")
                .isEqualTo(403);
        assertThat(streams.connected(tenant, session.id())).isZero();
        assertThat(subscribe(session, Map.of("Cookie", cookie(anna)), "").status).as("the participant themself").isEqualTo(200);
    }
}
