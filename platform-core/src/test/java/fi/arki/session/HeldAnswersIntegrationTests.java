package fi.arki.session;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.directory.Unit;
import fi.arki.insight.Summary;
import fi.arki.insight.SummaryManagement;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.testing.ArkiIntegrationTest;
import fi.arki.testing.TestDeckCatalog;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * In an anonymous session an answer written after its step was revealed is stored but held:
 * nobody but its writer sees it and no live count includes it, until a reveal shows the held
 * answers together, in text order (issue 11, item 4). Named sessions show it at once.
 */
@ArkiIntegrationTest
@Import(TestDeckCatalog.Config.class)
class HeldAnswersIntegrationTests {

    static final int PROMPT = 1;
    static final int VOTE = 3;

    @Autowired TenantManagement tenants;
    @Autowired DirectoryManagement directory;
    @Autowired SessionManagement sessions;
    @Autowired fi.arki.session.SessionStartManagement starts;
    @Autowired fi.arki.session.FacilitationManagement facilitation;
    @Autowired ParticipantManagement participants;
    @Autowired fi.arki.session.JoinManagement joins;
    @Autowired LiveStates states;
    @Autowired SummaryManagement summaries;

    TenantId tenant = TenantId.random();
    Team team;
    Person facilitator;

    @BeforeEach
    void organisation() {
        tenants.create(tenant, "h-" + tenant.value().toString().substring(0, 8), "Pohjanmaan elinvoimakeskus");
        TenantContext.runAs(tenant, () -> {
            Unit unit = directory.createUnit("Yrityspalvelut");
            team = directory.createTeam(unit.id(), "Rahoitus");
            facilitator = directory.addPerson("Fanni", null, null);
            directory.grantRole(facilitator.id(), Role.FACILITATOR);
            directory.addToTeam(team.id(), facilitator.id(), true);
        });
    }

    <T> T as(ScopedValue.CallableOp<T, RuntimeException> op) {
        return TenantContext.callAs(tenant, op);
    }

    SessionInfo start(SessionMode mode) {
        return as(() -> starts.startFor(facilitator.id(), new SessionStart(List.of(team.id()), TestDeckCatalog.DECK,
                List.of("competence"), mode, null)));
    }

    List<Joined> join(SessionInfo info, int count) {
        return as(() -> java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> joins.join(info.id(), Joiner.guest(info.anonymous() ? null : "Vieras " + i, null, Language.FI)))
                .toList());
    }

    UUID write(SessionInfo info, Joined who, String text) {
        UUID id = UUID.randomUUID();
        as(() -> participants.writeAnswer(info.id(), who.participant(), PROMPT, id, null, text));
        return id;
    }

    void reveal(SessionInfo info) {
        as(() -> { facilitation.reveal(info.id(), PROMPT, true); return null; });
    }

    /** What participants, the presenter and the console render from: the shared state of the session. */
    LiveState shared(SessionInfo info) {
        return as(() -> states.current(info.id()));
    }

    static List<String> texts(List<LiveState.Answer> answers) {
        return answers.stream().map(LiveState.Answer::text).toList();
    }

    @Test
    void a_late_answer_is_held_from_every_view_and_count_until_a_reveal_shows_it_with_another_in_text_order() {
        SessionInfo info = start(SessionMode.ANONYMOUS);
        List<Joined> p = join(info, 3);
        write(info, p.get(0), "Asiakkaat opettavat");
        write(info, p.get(1), "Kysymykset kehittävät");
        reveal(info);
        assertThat(texts(shared(info).answers(PROMPT))).containsExactly("Asiakkaat opettavat", "Kysymykset kehittävät");
        assertThat(shared(info).respondents(PROMPT)).isEqualTo(2);

        // written first, and after the reveal: "Ö" sorts after "A" in text order
        UUID late = write(info, p.get(2), "Öisin mietin asiakkaita");
        LiveState after = shared(info);
        assertThat(texts(after.answers(PROMPT))).containsExactly("Asiakkaat opettavat", "Kysymykset kehittävät");
        assertThat(after.respondents(PROMPT)).isEqualTo(2);
        assertThat(after.held(PROMPT)).isEqualTo(1);
        assertThat(after.voteOptions(VOTE)).extracting(VoteOption::id).doesNotContain(late);
        // its writer still sees it as saved (stored, nothing lost)
        assertThat(texts(after.answers(PROMPT, p.get(2).participant()))).containsExactly("Öisin mietin asiakkaita");

        // one held answer shown on its own would name its writer: a reveal keeps it held
        reveal(info);
        assertThat(texts(shared(info).answers(PROMPT))).doesNotContain("Öisin mietin asiakkaita");
        assertThat(shared(info).held(PROMPT)).isEqualTo(1);

        // written second, by someone who answered before the reveal: the count must not move either
        write(info, p.get(0), "Aamulla kirjoitan palautetta");
        assertThat(shared(info).held(PROMPT)).isEqualTo(2);
        assertThat(shared(info).respondents(PROMPT)).isEqualTo(2);
        assertThat(texts(shared(info).answers(PROMPT))).hasSize(2);

        reveal(info);
        LiveState released = shared(info);
        assertThat(released.held(PROMPT)).isZero();
        assertThat(released.respondents(PROMPT)).isEqualTo(3);
        // text order, not write order: the later-written "Aamulla…" comes before the earlier "Öisin…"
        assertThat(texts(released.answers(PROMPT))).containsExactly("Aamulla kirjoitan palautetta", "Asiakkaat opettavat",
                "Kysymykset kehittävät", "Öisin mietin asiakkaita");
        assertThat(released.voteOptions(VOTE)).extracting(VoteOption::id).contains(late);
    }

    @Test
    void a_held_answer_is_not_lost_the_summary_of_the_closed_session_has_it() {
        SessionInfo info = start(SessionMode.ANONYMOUS);
        List<Joined> p = join(info, 2);
        write(info, p.get(0), "Ennen paljastusta");
        reveal(info);
        write(info, p.get(1), "Paljastuksen jälkeen");
        assertThat(texts(shared(info).answers(PROMPT))).containsExactly("Ennen paljastusta");

        as(() -> { facilitation.close(info.id()); return null; });
        Summary summary = as(() -> summaries.summary(info.id(), facilitator.id(), Language.FI));
        assertThat(summary.sections()).filteredOn(s -> s.kind().equals("prompt")).singleElement()
                .extracting(s -> s.rows().stream().map(Summary.Row::text).toList()).asInstanceOf(
                        org.assertj.core.api.InstanceOfAssertFactories.list(String.class))
                .containsExactly("Ennen paljastusta", "Paljastuksen jälkeen");
    }

    @Test
    void a_named_session_shows_a_late_answer_at_once() {
        SessionInfo info = start(SessionMode.NAMED);
        List<Joined> p = join(info, 2);
        write(info, p.get(0), "Ennen paljastusta");
        reveal(info);
        write(info, p.get(1), "Paljastuksen jälkeen");
        LiveState state = shared(info);
        assertThat(texts(state.answers(PROMPT))).containsExactly("Ennen paljastusta", "Paljastuksen jälkeen");
        assertThat(state.held(PROMPT)).isZero();
        assertThat(state.respondents(PROMPT)).isEqualTo(2);
    }
}
