package fi.arki.session.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import fi.arki.deck.ActivityKind;
import fi.arki.session.LiveSessionFixture;
import fi.arki.session.LiveSessionFixture.Written;
import fi.arki.session.LiveState;
import fi.arki.session.ParticipantId;
import fi.arki.session.ParticipantManagement;
import fi.arki.session.SessionId;
import fi.arki.session.SessionManagement;
import fi.arki.session.SessionMode;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.testing.Actors;
import fi.arki.testing.ArkiIntegrationTest;
import fi.arki.testing.TestDeckCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The live read ({@link Sessions#load}, by {@link SessionSnapshotQuery}) returns exactly what the
 * services wrote, of every kind, at the version of the newest change; in one SQL statement; and
 * only within the bound tenant (issue 10, "the live read model is one immutable snapshot per
 * session version read with one query").
 */
@ArkiIntegrationTest
@Import(TestDeckCatalog.Config.class)
class SessionSnapshotIntegrationTests {

    @Autowired ApplicationContext context;
    @Autowired Sessions sessions;
    @Autowired ParticipantRows participantRows;
    @Autowired SessionManagement management;
    @Autowired ParticipantManagement participants;
    @Autowired fi.arki.session.FacilitationManagement facilitation;
    @Autowired DSLContext db;
    @Autowired PlatformTransactionManager transactions;

    /** Runs in a transaction of the tenant (the transaction manager binds it), as the repositories require. */
    <T> T in(TenantId tenant, Supplier<T> work) {
        return TenantContext.callAs(tenant, () -> new TransactionTemplate(transactions).execute(s -> work.get()));
    }

    Sessions.Loaded load(Written w) {
        return in(w.tenant(), () -> sessions.load(w.session().id())).orElseThrow();
    }

    @Test
    void the_snapshot_holds_exactly_the_rows_the_services_wrote_at_the_newest_version() {
        Written w = new LiveSessionFixture(context).write(SessionMode.ANONYMOUS, 7);
        SessionId id = w.session().id();
        // joining marks a participant seen; one has left since
        ParticipantId gone = w.joined().get(2).participant();
        in(w.tenant(), () -> participantRows.seen(id, List.of(gone), false));
        long lastWrite = TenantContext.callAs(w.tenant(), () -> Actors.asSystem(
                () -> participants.rate(id, w.joined().get(3).participant(), LiveSessionFixture.RATE, 5)));

        Sessions.Loaded loaded = load(w);

        // the session as the session's own find() reads it: title, code, teams, facilitators, times
        assertThat(loaded.info()).isEqualTo(w.session());
        // the newest change was a rating, which does not touch the session row: its version is the session's
        assertThat(loaded.version()).isEqualTo(lastWrite);
        assertThat(loaded.currentStep()).isZero();
        assertThat(loaded.timerEndsAt()).isNull();
        assertThat(loaded.steps()).extracting(LiveState.Step::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(loaded.steps()).extracting(LiveState.Step::kind).containsExactly(ActivityKind.INTRO, ActivityKind.PROMPT,
                ActivityKind.GROUP, ActivityKind.VOTE, ActivityKind.RATE, ActivityKind.COMMIT_TARGETS, ActivityKind.START_CONTINUE_STOP,
                ActivityKind.JOURNEY_MAP, ActivityKind.REVIEW_TARGETS, ActivityKind.PULSE);
        assertThat(loaded.steps()).filteredOn(LiveState.Step::revealed).extracting(LiveState.Step::index)
                .containsExactly(LiveSessionFixture.PROMPT);
        assertThat(loaded.participants()).extracting(LiveState.Participant::id)
                .containsExactlyInAnyOrderElementsOf(w.joined().stream().map(j -> j.participant()).toList());
        // anonymous: no name leaves the database; everyone but the one who left is present
        assertThat(loaded.participants()).allSatisfy(p -> {
            assertThat(p.name()).isNull();
            assertThat(p.guest()).isTrue();
            assertThat(p.present()).isEqualTo(!p.id().equals(gone));
        });
        assertThat(loaded.answers())
                .extracting(LiveState.Answer::id, LiveState.Answer::step, LiveState.Answer::author, LiveState.Answer::lane,
                        LiveState.Answer::text, LiveState.Answer::held)
                .containsExactlyInAnyOrderElementsOf(w.answers().stream()
                        .map(a -> tuple(a.id(), a.step(), a.author(), a.lane(), a.text(), a.held())).toList());
        assertThat(loaded.answers()).filteredOn(LiveState.Answer::held).hasSize(1);
        var units = loaded.participants().stream().collect(java.util.stream.Collectors.toMap(LiveState.Participant::id,
                p -> Optional.ofNullable(p.unit())));
        assertThat(loaded.answers()).allSatisfy(a -> assertThat(Optional.ofNullable(a.unit())).isEqualTo(units.get(a.author())));
        assertThat(loaded.groups()).containsExactlyInAnyOrderElementsOf(w.groups());
        assertThat(loaded.groupings()).containsExactlyInAnyOrderElementsOf(w.groupings());
        assertThat(loaded.votes()).containsExactlyInAnyOrderElementsOf(w.votes());
        List<LiveState.Rating> ratings = new ArrayList<>(w.ratings().stream()
                .filter(r -> !(r.step() == LiveSessionFixture.RATE && r.participant().equals(w.joined().get(3).participant()))).toList());
        ratings.add(new LiveState.Rating(LiveSessionFixture.RATE, w.joined().get(3).participant(), 5));
        assertThat(loaded.ratings()).containsExactlyInAnyOrderElementsOf(ratings);
        assertThat(loaded.touchpoints())
                .extracting(LiveState.Touchpoint::id, LiveState.Touchpoint::author, LiveState.Touchpoint::stage, LiveState.Touchpoint::owner,
                        LiveState.Touchpoint::label, LiveState.Touchpoint::emotion, LiveState.Touchpoint::effort, LiveState.Touchpoint::peak,
                        LiveState.Touchpoint::end, LiveState.Touchpoint::improve)
                .containsExactlyInAnyOrderElementsOf(w.touchpoints().stream().map(t -> tuple(t.id(), t.author(), t.stage(), t.owner(),
                        t.label(), t.emotion(), t.effort(), t.peak(), false, false)).toList());

        // a change of the session row itself (a step) is the newest version then
        TenantContext.runAs(w.tenant(), () -> Actors.asSystem(() -> {
            facilitation.goTo(id, LiveSessionFixture.PROMPT);
            return null;
        }));
        Sessions.Loaded stepped = load(w);
        assertThat(stepped.currentStep()).isEqualTo(LiveSessionFixture.PROMPT);
        assertThat(stepped.version()).isGreaterThan(lastWrite);
        assertThat(stepped.version()).isEqualTo(in(w.tenant(), () -> sessions.lockRunning(id).orElseThrow().getVersion()));
    }

    @Test
    void a_named_session_shows_names_and_a_closed_one_holds_no_answer_back() {
        Written w = new LiveSessionFixture(context).write(SessionMode.NAMED, 3);
        assertThat(load(w).participants()).extracting(p -> p.id(), p -> p.name()).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.range(0, 3).mapToObj(i -> tuple(w.joined().get(i).participant(), w.names().get(i))).toList());

        Written anonymous = new LiveSessionFixture(context).write(SessionMode.ANONYMOUS, 3);
        assertThat(load(anonymous).answers()).filteredOn(LiveState.Answer::held).hasSize(1);
        TenantContext.runAs(anonymous.tenant(), () -> Actors.asSystem(() -> {
            facilitation.close(anonymous.session().id());
            return null;
        }));
        Sessions.Loaded closed = load(anonymous);
        assertThat(closed.info().running()).isFalse();
        assertThat(closed.info().joinCode()).isNull();
        // once closed, nothing is live to single anyone out: the summary has every answer
        assertThat(closed.answers()).hasSize(anonymous.answers().size()).noneMatch(LiveState.Answer::held);
    }

    /** Counts the statements jOOQ executes through the DSLContext it is derived into. */
    static final class Statements implements ExecuteListener {
        final List<String> sql = new ArrayList<>();

        @Override
        public void executeStart(ExecuteContext ctx) {
            sql.add(ctx.sql());
        }
    }

    @Test
    void the_live_read_is_one_sql_statement() {
        Written w = new LiveSessionFixture(context).write(SessionMode.ANONYMOUS, 5);
        Statements statements = new Statements();
        // the same connection handling (the transaction's connection, its tenant), with the counter added
        DSLContext counted = db.configuration().derive(new DefaultExecuteListenerProvider(statements)).dsl();
        Sessions countedSessions = new Sessions(counted, new SessionSnapshotQuery(counted));

        Sessions.Loaded loaded = in(w.tenant(), () -> countedSessions.load(w.session().id())).orElseThrow();

        assertThat(statements.sql).hasSize(1);
        assertThat(loaded).isEqualTo(load(w));
        // the counter does count: finding the session (its row, teams, facilitators, code) takes several
        statements.sql.clear();
        in(w.tenant(), () -> countedSessions.find(w.session().id()));
        assertThat(statements.sql).hasSizeGreaterThan(1);
    }

    @Test
    void a_session_of_another_tenant_is_not_found() {
        Written a = new LiveSessionFixture(context).write(SessionMode.NAMED, 2);
        Written b = new LiveSessionFixture(context).write(SessionMode.NAMED, 2);

        Optional<Sessions.Loaded> bFromA = in(a.tenant(), () -> sessions.load(b.session().id()));

        assertThat(bFromA).isEmpty();
        assertThat(in(a.tenant(), () -> sessions.load(a.session().id()))).isPresent();
        assertThat(in(b.tenant(), () -> sessions.load(b.session().id()))).isPresent();
    }
}
