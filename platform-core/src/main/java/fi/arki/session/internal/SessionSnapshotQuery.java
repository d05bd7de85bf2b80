package fi.arki.session.internal;

import static fi.arki.session.internal.db.Tables.ANSWER;
import static fi.arki.session.internal.db.Tables.ANSWER_GROUP;
import static fi.arki.session.internal.db.Tables.ANSWER_GROUPING;
import static fi.arki.session.internal.db.Tables.JOIN_CODE;
import static fi.arki.session.internal.db.Tables.LIVE_SESSION;
import static fi.arki.session.internal.db.Tables.PARTICIPANT;
import static fi.arki.session.internal.db.Tables.RATING;
import static fi.arki.session.internal.db.Tables.SESSION_FACILITATOR;
import static fi.arki.session.internal.db.Tables.SESSION_STEP;
import static fi.arki.session.internal.db.Tables.SESSION_TEAM;
import static fi.arki.session.internal.db.Tables.TOUCHPOINT;
import static fi.arki.session.internal.db.Tables.VOTE;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.when;

import fi.arki.deck.Activity;
import fi.arki.deck.ActivityKind;
import fi.arki.directory.PersonId;
import fi.arki.directory.TeamId;
import fi.arki.directory.UnitId;
import fi.arki.session.Lane;
import fi.arki.session.LiveState;
import fi.arki.session.ParticipantId;
import fi.arki.session.SessionId;
import fi.arki.session.SessionInfo;
import fi.arki.session.SessionMode;
import fi.arki.session.SessionStatus;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.TableField;
import org.jooq.conf.NestedCollectionEmulation;
import org.jooq.conf.SettingsTools;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The live read: everything {@link Sessions.Loaded} holds, read in <b>one</b> SQL statement — the
 * session row with each child table as a jOOQ {@code MULTISET} correlated to it. One statement
 * sees one database snapshot (PostgreSQL takes it per statement), so the version it returns is the
 * version of exactly the rows it returns, even while answers keep arriving; the several queries
 * this replaces could each see a different moment. It is also one round trip instead of twelve.
 *
 * <p>Row-level security applies as to any statement: a session of another tenant is no row, and
 * the result is empty. What a viewer may not see is dropped in SQL already: names in an anonymous
 * session, and whether an answer is held once the session is closed.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class SessionSnapshotQuery {

    private final DSLContext db;

    SessionSnapshotQuery(DSLContext db) {
        // MULTISET as json rather than jOOQ's default jsonb for PostgreSQL: the text is all the driver
        // reads, and json skips building a binary value only to print it again (docs/performance.md, "Live read")
        this.db = db.configuration().derive(SettingsTools.clone(db.settings()).withEmulateMultiset(NestedCollectionEmulation.JSON)).dsl();
    }

    private static final Field<List<TeamId>> TEAMS = multiset(
            select(SESSION_TEAM.TEAM_ID).from(SESSION_TEAM)
                    .where(of(SESSION_TEAM.TENANT_ID, SESSION_TEAM.SESSION_ID))
                    .orderBy(SESSION_TEAM.POSITION))
            .convertFrom(r -> r.map(t -> new TeamId(t.value1())));

    /** Lead first, then by person id: the order {@link SessionInfo#facilitators()} has always had. */
    private static final Field<List<Record2<UUID, Boolean>>> FACILITATORS = multiset(
            select(SESSION_FACILITATOR.PERSON_ID, SESSION_FACILITATOR.LEAD).from(SESSION_FACILITATOR)
                    .where(of(SESSION_FACILITATOR.TENANT_ID, SESSION_FACILITATOR.SESSION_ID))
                    .orderBy(SESSION_FACILITATOR.LEAD.desc(), SESSION_FACILITATOR.PERSON_ID))
            .convertFrom(r -> List.copyOf(r));

    private static final Field<String> JOIN = field(select(JOIN_CODE.CODE).from(JOIN_CODE)
            .where(JOIN_CODE.SESSION_TENANT_ID.eq(LIVE_SESSION.TENANT_ID), JOIN_CODE.SESSION_ID.eq(LIVE_SESSION.ID)));

    /** In index order: {@link LiveState#step(int)} finds a step by its position. */
    private static final Field<List<LiveState.Step>> STEPS = multiset(
            select(SESSION_STEP.IDX, SESSION_STEP.CARD_ID, SESSION_STEP.ACTIVITY_ID,
                    SESSION_STEP.KIND.convertFrom(k -> ActivityKind.ofCode(k).orElseThrow()), SESSION_STEP.REVEALED, SESSION_STEP.LOCKED, SESSION_STEP.OPENED)
                    .from(SESSION_STEP)
                    .where(of(SESSION_STEP.TENANT_ID, SESSION_STEP.SESSION_ID))
                    .orderBy(SESSION_STEP.IDX))
            .convertFrom(r -> r.map(mapping(LiveState.Step::new)));

    private static final Field<List<LiveState.Participant>> PARTICIPANTS = multiset(
            select(participant(PARTICIPANT.ID),
                    // a name leaves the database only in a named session
                    when(LIVE_SESSION.MODE.eq(inline(SessionMode.NAMED.code())), PARTICIPANT.DISPLAY_NAME),
                    unit(PARTICIPANT.UNIT_ID),
                    PARTICIPANT.TEAM_ID.convertFrom(t -> t == null ? null : new TeamId(t)),
                    PARTICIPANT.GUEST,
                    // never seen is absent (not null)
                    field(PARTICIPANT.LAST_SEEN_AT.isNotNull().and(DSL.condition(ParticipantRows.PRESENT))))
                    .from(PARTICIPANT)
                    .where(of(PARTICIPANT.TENANT_ID, PARTICIPANT.SESSION_ID))
                    .orderBy(PARTICIPANT.ID))
            .convertFrom(r -> r.map(mapping(LiveState.Participant::new)));

    private static final Field<List<LiveState.Answer>> ANSWERS = multiset(
            select(ANSWER.ID, ANSWER.STEP_IDX, participant(ANSWER.PARTICIPANT_ID), unit(ANSWER.UNIT_ID),
                    ANSWER.LANE.convertFrom(l -> l == null ? null : Lane.ofCode(l).orElseThrow()), ANSWER.BODY, ANSWER.VERSION,
                    // once the session is closed, nothing is live to single anyone out: the summary has every answer
                    field(ANSWER.HELD.isTrue().and(LIVE_SESSION.STATUS.eq(inline("running")))))
                    .from(ANSWER)
                    .where(of(ANSWER.TENANT_ID, ANSWER.SESSION_ID))
                    .orderBy(ANSWER.STEP_IDX, ANSWER.ID))
            .convertFrom(r -> r.map(mapping((id, step, author, unit, lane, text, version, held) ->
                    new LiveState.Answer(id, step, author, unit, lane, text, version, held))));

    private static final Field<List<LiveState.Group>> GROUPS = multiset(
            select(ANSWER_GROUP.ID, ANSWER_GROUP.STEP_IDX, ANSWER_GROUP.LABEL)
                    .from(ANSWER_GROUP)
                    .where(of(ANSWER_GROUP.TENANT_ID, ANSWER_GROUP.SESSION_ID))
                    .orderBy(ANSWER_GROUP.STEP_IDX, ANSWER_GROUP.ID))
            .convertFrom(r -> r.map(mapping(LiveState.Group::new)));

    private static final Field<List<LiveState.Grouping>> GROUPINGS = multiset(
            select(ANSWER_GROUPING.STEP_IDX, ANSWER_GROUPING.ANSWER_ID, ANSWER_GROUPING.GROUP_ID)
                    .from(ANSWER_GROUPING)
                    .where(of(ANSWER_GROUPING.TENANT_ID, ANSWER_GROUPING.SESSION_ID))
                    .orderBy(ANSWER_GROUPING.STEP_IDX, ANSWER_GROUPING.ANSWER_ID))
            .convertFrom(r -> r.map(mapping(LiveState.Grouping::new)));

    private static final Field<List<LiveState.Vote>> VOTES = multiset(
            select(VOTE.STEP_IDX, participant(VOTE.PARTICIPANT_ID), VOTE.ITEM_ID, VOTE.DOTS)
                    .from(VOTE)
                    .where(of(VOTE.TENANT_ID, VOTE.SESSION_ID))
                    .orderBy(VOTE.STEP_IDX, VOTE.PARTICIPANT_ID, VOTE.ITEM_ID))
            .convertFrom(r -> r.map(mapping(LiveState.Vote::new)));

    private static final Field<List<LiveState.Rating>> RATINGS = multiset(
            select(RATING.STEP_IDX, participant(RATING.PARTICIPANT_ID), RATING.VALUE)
                    .from(RATING)
                    .where(of(RATING.TENANT_ID, RATING.SESSION_ID))
                    .orderBy(RATING.STEP_IDX, RATING.PARTICIPANT_ID))
            .convertFrom(r -> r.map(mapping(LiveState.Rating::new)));

    private static final Field<List<LiveState.Touchpoint>> TOUCHPOINTS = multiset(
            select(TOUCHPOINT.ID, TOUCHPOINT.STEP_IDX, participant(TOUCHPOINT.PARTICIPANT_ID), unit(TOUCHPOINT.UNIT_ID),
                    TOUCHPOINT.STAGE.convertFrom(SessionSnapshotQuery::stage), TOUCHPOINT.OWNER.convertFrom(SessionSnapshotQuery::owner),
                    TOUCHPOINT.LABEL, TOUCHPOINT.EMOTION, TOUCHPOINT.EFFORT, TOUCHPOINT.PEAK, TOUCHPOINT.IS_END, TOUCHPOINT.IMPROVE)
                    .from(TOUCHPOINT)
                    .where(of(TOUCHPOINT.TENANT_ID, TOUCHPOINT.SESSION_ID))
                    .orderBy(TOUCHPOINT.STEP_IDX, TOUCHPOINT.ID))
            .convertFrom(r -> r.map(mapping(LiveState.Touchpoint::new)));

    /**
     * The session's version: the newest change among its row and the rows that carry their own
     * version instead of touching the session's (answers, presence, votes, ratings, touchpoints).
     */
    private static final Field<Long> VERSION = greatest(LIVE_SESSION.VERSION,
            newest(ANSWER.VERSION, ANSWER.TENANT_ID, ANSWER.SESSION_ID),
            newest(PARTICIPANT.VERSION, PARTICIPANT.TENANT_ID, PARTICIPANT.SESSION_ID),
            newest(VOTE.VERSION, VOTE.TENANT_ID, VOTE.SESSION_ID),
            newest(RATING.VERSION, RATING.TENANT_ID, RATING.SESSION_ID),
            newest(TOUCHPOINT.VERSION, TOUCHPOINT.TENANT_ID, TOUCHPOINT.SESSION_ID));

    /** The session's rows, at one version, or empty when there is no such session in the bound tenant. */
    public Optional<Sessions.Loaded> load(SessionId id) {
        return db.select(LIVE_SESSION.ID, LIVE_SESSION.TITLE, LIVE_SESSION.DECK_ID, LIVE_SESSION.DECK_VERSION, LIVE_SESSION.MODE,
                        LIVE_SESSION.STATUS, LIVE_SESSION.CREATED_AT, LIVE_SESSION.CLOSED_AT, LIVE_SESSION.CURRENT_STEP,
                        LIVE_SESSION.TIMER_ENDS_AT, VERSION, JOIN, TEAMS, FACILITATORS,
                        STEPS, PARTICIPANTS, ANSWERS, GROUPS, GROUPINGS, VOTES, RATINGS, TOUCHPOINTS)
                .from(LIVE_SESSION)
                .where(LIVE_SESSION.ID.eq(id.value()))
                .fetchOptional(SessionSnapshotQuery::loaded);
    }

    private static Sessions.Loaded loaded(Record r) {
        boolean running = "running".equals(r.get(LIVE_SESSION.STATUS));
        List<Record2<UUID, Boolean>> facilitators = r.get(FACILITATORS);
        PersonId lead = facilitators.stream().filter(Record2::value2).findFirst().map(f -> new PersonId(f.value1())).orElse(null);
        OffsetDateTime closedAt = r.get(LIVE_SESSION.CLOSED_AT);
        OffsetDateTime timer = r.get(LIVE_SESSION.TIMER_ENDS_AT);
        SessionInfo info = new SessionInfo(new SessionId(r.get(LIVE_SESSION.ID)), r.get(LIVE_SESSION.TITLE), r.get(LIVE_SESSION.DECK_ID),
                r.get(LIVE_SESSION.DECK_VERSION), SessionMode.ofCode(r.get(LIVE_SESSION.MODE)),
                running ? SessionStatus.RUNNING : SessionStatus.CLOSED, running ? r.get(JOIN) : null,
                List.copyOf(r.get(TEAMS)), facilitators.stream().map(f -> new PersonId(f.value1())).toList(), lead,
                r.get(LIVE_SESSION.CREATED_AT).toInstant(), closedAt == null ? null : closedAt.toInstant());
        return new Sessions.Loaded(info, r.get(VERSION), r.get(LIVE_SESSION.CURRENT_STEP), timer == null ? null : timer.toInstant(),
                List.copyOf(r.get(STEPS)), List.copyOf(r.get(PARTICIPANTS)), List.copyOf(r.get(ANSWERS)), List.copyOf(r.get(GROUPS)),
                List.copyOf(r.get(GROUPINGS)), List.copyOf(r.get(VOTES)), List.copyOf(r.get(RATINGS)), List.copyOf(r.get(TOUCHPOINTS)));
    }

    /** A child table's rows of the session the outer statement reads (tenant first: the tables' keys start with it). */
    private static Condition of(TableField<?, UUID> tenant, TableField<?, UUID> session) {
        return tenant.eq(LIVE_SESSION.TENANT_ID).and(session.eq(LIVE_SESSION.ID));
    }

    private static Field<Long> newest(TableField<?, Long> version, TableField<?, UUID> tenant, TableField<?, UUID> session) {
        return coalesce(field(select(max(version)).from(version.getTable()).where(of(tenant, session))), inline(0L));
    }

    private static Field<ParticipantId> participant(TableField<?, UUID> id) {
        return id.convertFrom(ParticipantId::new);
    }

    private static Field<UnitId> unit(TableField<?, UUID> id) {
        return id.convertFrom(u -> u == null ? null : new UnitId(u));
    }

    static Activity.JourneyStage stage(String code) {
        for (var s : Activity.JourneyStage.values()) {
            if (s.code().equals(code)) return s;
        }
        throw new IllegalArgumentException(code);
    }

    static Activity.TouchpointOwner owner(String code) {
        for (var o : Activity.TouchpointOwner.values()) {
            if (o.code().equals(code)) return o;
        }
        throw new IllegalArgumentException(code);
    }
}
