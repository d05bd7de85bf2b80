package fi.arki.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.directory.Unit;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.testing.ArkiIntegrationTest;
import fi.arki.testing.TestDeckCatalog;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One signed-in person is one participant however many devices they open, also in an anonymous
 * session, where no person is recorded: the participant carries a keyed hash of the person that
 * only the session's secret makes, and both are erased when the session closes (issue 10,
 * "one person is one participant"; issue 11 item 4, the device part).
 */
@ArkiIntegrationTest
@Import(TestDeckCatalog.Config.class)
class OnePersonOneParticipantIntegrationTests {

    // the closing card: ideas, grouping, a vote over the grouping step with a budget of 3
    static final int IDEAS = 0;
    static final int VOTE = 2;

    @Autowired TenantManagement tenants;
    @Autowired DirectoryManagement directory;
    @Autowired SessionManagement sessions;
    @Autowired ParticipantManagement participants;
    @Autowired JoinManagement joins;
    @Autowired SessionStartManagement starts;
    @Autowired FacilitationManagement facilitation;
    @Autowired DSLContext db;
    @Autowired PlatformTransactionManager transactions;

    TenantId tenant = TenantId.random();
    Team team;
    Person facilitator;
    Person olli;
    Person sanna;

    @BeforeEach
    void organisation() {
        tenants.create(tenant, "p-" + tenant.value().toString().substring(0, 8), "Pohjanmaan elinvoimakeskus");
        TestDeckCatalog.enableClosing(tenant);
        TenantContext.runAs(tenant, () -> {
            Unit unit = directory.createUnit("Yrityspalvelut");
            team = directory.createTeam(unit.id(), "Rahoitus");
            facilitator = directory.addPerson("Fanni", null, null);
            directory.grantRole(facilitator.id(), Role.FACILITATOR);
            directory.addToTeam(team.id(), facilitator.id(), true);
            olli = directory.addPerson("Olli", null, null);
            directory.addToTeam(team.id(), olli.id(), false);
            sanna = directory.addPerson("Sanna", null, null);
            directory.addToTeam(team.id(), sanna.id(), false);
        });
    }

    <T> T as(ScopedValue.CallableOp<T, RuntimeException> op) {
        return TenantContext.callAs(tenant, op);
    }

    SessionInfo start(SessionMode mode) {
        return as(() -> starts.startFor(facilitator.id(), new SessionStart(List.of(team.id()), TestDeckCatalog.CLOSING_DECK,
                List.of(), mode, null)));
    }

    /** The session's secret and its participants' person keys as they are stored, read under the tenant. */
    List<Record> stored(SessionInfo info, String sql) {
        return as(() -> new TransactionTemplate(transactions).execute(status -> db.fetch(sql, info.id().value())));
    }

    @Test
    void a_member_on_a_second_device_of_an_anonymous_session_is_the_same_participant_with_one_vote_budget() {
        SessionInfo info = start(SessionMode.ANONYMOUS);
        Joined phone = as(() -> joins.join(info.id(), Joiner.member(olli.id(), "Olli", Language.FI)));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        as(() -> participants.writeAnswer(info.id(), phone.participant(), IDEAS, first, null, "Palaute viikoittain"));
        as(() -> participants.writeAnswer(info.id(), phone.participant(), IDEAS, second, null, "Yhteinen kalenteri"));
        int respondentsBefore = as(() -> sessions.state(info.id())).respondents(IDEAS);

        Joined laptop = as(() -> joins.join(info.id(), Joiner.member(olli.id(), "Olli", Language.SV)));

        assertThat(laptop.participant()).as("the second device is the same participant").isEqualTo(phone.participant());
        assertThat(laptop.secret()).as("with a pass of its own").isNotEqualTo(phone.secret());
        assertThat(as(() -> joins.resume(info.id(), laptop.token()))).contains(phone.participant());
        LiveState state = as(() -> sessions.state(info.id()));
        assertThat(state.participantsById()).hasSize(1);
        assertThat(state.respondents(IDEAS)).isEqualTo(respondentsBefore).isEqualTo(1);

        // one budget of 3 for both devices
        as(() -> participants.setDots(info.id(), phone.participant(), VOTE, first, 2));
        assertThatThrownBy(() -> as(() -> participants.setDots(info.id(), laptop.participant(), VOTE, second, 2)))
                .isInstanceOf(InvalidInputException.class).extracting("messageKey").isEqualTo("session.error.budget");

        // nothing names the person: only the keyed hash links the devices
        assertThat(stored(info, "select person_id, person_key from participant where session_id = ?"))
                .singleElement().satisfies(r -> {
                    assertThat(r.get("person_id")).isNull();
                    assertThat(r.get("person_key")).isNotNull();
                });
    }

    @Test
    void devices_of_one_member_joining_at_the_same_moment_become_one_participant_and_none_gets_an_error() throws Exception {
        SessionInfo info = start(SessionMode.ANONYMOUS);
        // the session's secret exists already (a first member joined), so nothing else serialises these joins
        as(() -> joins.join(info.id(), Joiner.member(sanna.id(), "Sanna", Language.FI)));
        int devices = 4;
        var ready = new java.util.concurrent.CountDownLatch(devices);
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<Joined>> attempts = java.util.stream.IntStream.range(0, devices)
                    .mapToObj(i -> pool.submit(() -> {
                        ready.countDown();
                        ready.await();
                        return as(() -> joins.join(info.id(), Joiner.member(olli.id(), "Olli", Language.FI)));
                    })).toList();
            List<ParticipantId> joined = new java.util.ArrayList<>();
            for (var join : attempts) {
                joined.add(join.get(120, java.util.concurrent.TimeUnit.SECONDS).participant());
            }
            assertThat(joined).as("every device got the same participant").containsOnly(joined.getFirst());
        }
        assertThat(as(() -> sessions.state(info.id())).participantsById()).as("Sanna and Olli").hasSize(2);
    }

    @Test
    void two_members_are_two_participants_and_guests_stay_one_per_device() {
        SessionInfo info = start(SessionMode.ANONYMOUS);
        Joined o = as(() -> joins.join(info.id(), Joiner.member(olli.id(), "Olli", Language.FI)));
        Joined s = as(() -> joins.join(info.id(), Joiner.member(sanna.id(), "Sanna", Language.FI)));
        Joined guest1 = as(() -> joins.join(info.id(), Joiner.guest(null, null, Language.FI)));
        Joined guest2 = as(() -> joins.join(info.id(), Joiner.guest(null, null, Language.FI)));

        assertThat(List.of(o.participant(), s.participant(), guest1.participant(), guest2.participant())).doesNotHaveDuplicates();
        assertThat(as(() -> sessions.state(info.id())).participantsById()).hasSize(4);
        assertThat(stored(info, "select person_key from participant where session_id = ? and person_key is not null"))
                .as("two different keys, none for guests").hasSize(2)
                .extracting(r -> java.util.HexFormat.of().formatHex((byte[]) r.get("person_key"))).doesNotHaveDuplicates();
    }

    @Test
    void closing_the_session_erases_the_secret_and_every_person_key_so_nothing_links_an_answer_to_a_person() {
        SessionInfo info = start(SessionMode.ANONYMOUS);
        SessionInfo other = start(SessionMode.ANONYMOUS);
        as(() -> joins.join(info.id(), Joiner.member(olli.id(), "Olli", Language.FI)));
        as(() -> joins.join(info.id(), Joiner.member(sanna.id(), "Sanna", Language.FI)));
        as(() -> joins.join(other.id(), Joiner.member(olli.id(), "Olli", Language.FI)));
        assertThat(stored(info, "select person_key_secret from live_session where id = ?")).singleElement()
                .satisfies(r -> assertThat(r.get(0)).isNotNull());

        as(() -> { facilitation.close(info.id()); return null; });

        assertThat(stored(info, "select person_key_secret from live_session where id = ?")).singleElement()
                .satisfies(r -> assertThat(r.get(0)).isNull());
        assertThat(stored(info, "select person_key from participant where session_id = ?")).hasSize(2)
                .allSatisfy(r -> assertThat(r.get(0)).isNull());
        // another session, still running, keeps its link
        assertThat(stored(other, "select person_key from participant where session_id = ?")).singleElement()
                .satisfies(r -> assertThat(r.get(0)).isNotNull());
    }

    @Test
    void a_named_session_still_records_the_person_and_gives_the_same_participant_back() {
        SessionInfo info = start(SessionMode.NAMED);
        Joined phone = as(() -> joins.join(info.id(), Joiner.member(olli.id(), "Olli", Language.FI)));
        Joined laptop = as(() -> joins.join(info.id(), Joiner.member(olli.id(), "Olli", Language.FI)));

        assertThat(laptop.participant()).isEqualTo(phone.participant());
        assertThat(stored(info, "select person_id, person_key from participant where session_id = ?")).singleElement()
                .satisfies(r -> {
                    assertThat(r.get("person_id")).isEqualTo(olli.id().value());
                    assertThat(r.get("person_key")).as("a named session needs no keyed hash").isNull();
                });
    }
}
