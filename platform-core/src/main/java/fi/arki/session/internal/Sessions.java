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
import fi.arki.session.internal.db.tables.records.LiveSessionRecord;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rows of live sessions, of the tenant bound to the transaction: the session itself, its
 * steps, teams, facilitators and join code, and the read of everything at one version
 * ({@link SessionSnapshotQuery}). Participants are {@link ParticipantRows}; what they write
 * (answers, dots, ratings, touchpoints) is {@link ContributionRows}; the facilitator's groups are
 * {@link GroupingRows}. Every write stamps the rows it changes with the next value of
 * {@code session_change_seq} and returns it: the version that the broadcaster announces after commit.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class Sessions {

    static final Field<Long> NEXT_VERSION = DSL.field("nextval('session_change_seq')", Long.class);

    private final DSLContext db;
    private final SessionSnapshotQuery snapshot;

    Sessions(DSLContext db, SessionSnapshotQuery snapshot) {
        this.db = db;
        this.snapshot = snapshot;
    }

    // ---- starting and finding sessions ------------------------------------------------------

    public void insert(TenantId tenant, SessionId id, String deckId, String deckVersion, String title, SessionMode mode,
                       PersonId createdBy, List<TeamId> teams, List<StepRow> steps) {
        db.insertInto(LIVE_SESSION)
                .set(LIVE_SESSION.TENANT_ID, tenant.value())
                .set(LIVE_SESSION.ID, id.value())
                .set(LIVE_SESSION.DECK_ID, deckId)
                .set(LIVE_SESSION.DECK_VERSION, deckVersion)
                .set(LIVE_SESSION.TITLE, title)
                .set(LIVE_SESSION.MODE, mode.code())
                .set(LIVE_SESSION.CREATED_BY, createdBy.value())
                .execute();
        for (int i = 0; i < teams.size(); i++) {
            db.insertInto(SESSION_TEAM, SESSION_TEAM.TENANT_ID, SESSION_TEAM.SESSION_ID, SESSION_TEAM.TEAM_ID, SESSION_TEAM.POSITION)
                    .values(tenant.value(), id.value(), teams.get(i).value(), i).execute();
        }
        db.insertInto(SESSION_FACILITATOR, SESSION_FACILITATOR.TENANT_ID, SESSION_FACILITATOR.SESSION_ID,
                SESSION_FACILITATOR.PERSON_ID, SESSION_FACILITATOR.LEAD).values(tenant.value(), id.value(), createdBy.value(), true).execute();
        var insert = db.insertInto(SESSION_STEP, SESSION_STEP.TENANT_ID, SESSION_STEP.SESSION_ID, SESSION_STEP.IDX,
                SESSION_STEP.CARD_ID, SESSION_STEP.ACTIVITY_ID, SESSION_STEP.KIND, SESSION_STEP.OPENED);
        for (StepRow s : steps) {
            // a session opens on its first step
            insert = insert.values(tenant.value(), id.value(), s.index(), s.cardId(), s.activityId(), s.kind().code(), s.index() == 0);
        }
        insert.execute();
    }

    public record StepRow(int index, String cardId, String activityId, ActivityKind kind) {
    }

    public boolean insertJoinCode(String code, TenantId tenant, SessionId session, OffsetDateTime expires) {
        return db.insertInto(JOIN_CODE, JOIN_CODE.CODE, JOIN_CODE.SESSION_TENANT_ID, JOIN_CODE.SESSION_ID, JOIN_CODE.EXPIRES_AT)
                .values(code, tenant.value(), session.value(), expires)
                .onConflictDoNothing().execute() == 1;
    }

    /** Join codes are a platform table: resolved before any tenant is bound. */
    public Optional<fi.arki.session.JoinTarget> resolveJoinCode(String code) {
        return db.select(JOIN_CODE.SESSION_TENANT_ID, JOIN_CODE.SESSION_ID).from(JOIN_CODE)
                .where(JOIN_CODE.CODE.eq(code)).and(JOIN_CODE.EXPIRES_AT.gt(DSL.currentOffsetDateTime()))
                .fetchOptional(r -> new fi.arki.session.JoinTarget(code, new TenantId(r.value1()), new SessionId(r.value2())));
    }

    /** Every session that still has a join code, across tenants: the running ones. */
    public List<Record> openSessionsAcrossTenants() {
        return db.select(JOIN_CODE.SESSION_TENANT_ID, JOIN_CODE.SESSION_ID).from(JOIN_CODE).fetch().map(r -> r);
    }

    public void deleteJoinCode(TenantId tenant, SessionId session) {
        db.deleteFrom(JOIN_CODE).where(JOIN_CODE.SESSION_TENANT_ID.eq(tenant.value()), JOIN_CODE.SESSION_ID.eq(session.value())).execute();
    }

    public Optional<SessionInfo> find(SessionId id) {
        return db.selectFrom(LIVE_SESSION).where(LIVE_SESSION.ID.eq(id.value())).fetchOptional().map(this::toInfo);
    }

    public List<SessionInfo> ofTeams(Collection<TeamId> teams) {
        return db.selectFrom(LIVE_SESSION)
                .where(LIVE_SESSION.ID.in(DSL.select(SESSION_TEAM.SESSION_ID).from(SESSION_TEAM)
                        .where(SESSION_TEAM.TEAM_ID.in(teams.stream().map(TeamId::value).toList()))))
                .orderBy(LIVE_SESSION.CREATED_AT.desc())
                .limit(200)
                .fetch().map(this::toInfo);
    }

    public List<SessionInfo> runningFacilitatedBy(PersonId person) {
        return db.selectFrom(LIVE_SESSION)
                .where(LIVE_SESSION.STATUS.eq("running"))
                .and(LIVE_SESSION.ID.in(DSL.select(SESSION_FACILITATOR.SESSION_ID).from(SESSION_FACILITATOR)
                        .where(SESSION_FACILITATOR.PERSON_ID.eq(person.value()))))
                .orderBy(LIVE_SESSION.CREATED_AT.desc())
                .fetch().map(this::toInfo);
    }

    /** Every session of the tenant started since a moment, newest first, with its teams in order. */
    public List<fi.arki.session.SessionRecord> recordsSince(OffsetDateTime since) {
        Field<UUID[]> teams = DSL.field(DSL.select(DSL.arrayAgg(SESSION_TEAM.TEAM_ID).orderBy(SESSION_TEAM.POSITION))
                .from(SESSION_TEAM).where(SESSION_TEAM.SESSION_ID.eq(LIVE_SESSION.ID)));
        return db.select(LIVE_SESSION.ID, LIVE_SESSION.DECK_ID, LIVE_SESSION.DECK_VERSION, LIVE_SESSION.STATUS, teams,
                        LIVE_SESSION.CREATED_AT, LIVE_SESSION.CLOSED_AT)
                .from(LIVE_SESSION)
                .where(LIVE_SESSION.CREATED_AT.ge(since))
                .orderBy(LIVE_SESSION.CREATED_AT.desc(), LIVE_SESSION.ID)
                .fetch(r -> new fi.arki.session.SessionRecord(new SessionId(r.value1()), r.value2(), r.value3(),
                        "running".equals(r.value4()) ? SessionStatus.RUNNING : SessionStatus.CLOSED,
                        r.value5() == null ? List.of() : java.util.Arrays.stream(r.value5()).map(TeamId::new).toList(),
                        r.value6().toInstant(), r.value7() == null ? null : r.value7().toInstant()));
    }

    /** Ratings of closed sessions started since a moment, counted per session, step and value. */
    public List<fi.arki.session.RatingCount> ratingCountsSince(OffsetDateTime since) {
        Field<Integer> count = DSL.count().as("n");
        return db.select(RATING.SESSION_ID, SESSION_STEP.CARD_ID, SESSION_STEP.ACTIVITY_ID, RATING.VALUE, count)
                .from(RATING)
                .join(SESSION_STEP).on(SESSION_STEP.TENANT_ID.eq(RATING.TENANT_ID), SESSION_STEP.SESSION_ID.eq(RATING.SESSION_ID),
                        SESSION_STEP.IDX.eq(RATING.STEP_IDX))
                .join(LIVE_SESSION).on(LIVE_SESSION.TENANT_ID.eq(RATING.TENANT_ID), LIVE_SESSION.ID.eq(RATING.SESSION_ID))
                .where(LIVE_SESSION.STATUS.eq("closed"), LIVE_SESSION.CREATED_AT.ge(since))
                .groupBy(RATING.SESSION_ID, SESSION_STEP.CARD_ID, SESSION_STEP.ACTIVITY_ID, RATING.VALUE)
                .orderBy(RATING.SESSION_ID, SESSION_STEP.CARD_ID, SESSION_STEP.ACTIVITY_ID, RATING.VALUE)
                .fetch(r -> new fi.arki.session.RatingCount(new SessionId(r.value1()), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    private SessionInfo toInfo(LiveSessionRecord r) {
        List<TeamId> teams = db.select(SESSION_TEAM.TEAM_ID).from(SESSION_TEAM).where(SESSION_TEAM.SESSION_ID.eq(r.getId()))
                .orderBy(SESSION_TEAM.POSITION).fetch(x -> new TeamId(x.value1()));
        var facilitators = db.select(SESSION_FACILITATOR.PERSON_ID, SESSION_FACILITATOR.LEAD).from(SESSION_FACILITATOR)
                .where(SESSION_FACILITATOR.SESSION_ID.eq(r.getId())).orderBy(SESSION_FACILITATOR.LEAD.desc(), SESSION_FACILITATOR.PERSON_ID)
                .fetch();
        PersonId lead = facilitators.stream().filter(f -> f.value2()).findFirst().map(f -> new PersonId(f.value1())).orElse(null);
        String code = db.select(JOIN_CODE.CODE).from(JOIN_CODE)
                .where(JOIN_CODE.SESSION_TENANT_ID.eq(r.getTenantId()), JOIN_CODE.SESSION_ID.eq(r.getId())).fetchOne(JOIN_CODE.CODE);
        return new SessionInfo(new SessionId(r.getId()), r.getTitle(), r.getDeckId(), r.getDeckVersion(),
                SessionMode.ofCode(r.getMode()), "running".equals(r.getStatus()) ? SessionStatus.RUNNING : SessionStatus.CLOSED,
                "running".equals(r.getStatus()) ? code : null, teams,
                facilitators.stream().map(f -> new PersonId(f.value1())).toList(), lead,
                r.getCreatedAt().toInstant(), r.getClosedAt() == null ? null : r.getClosedAt().toInstant());
    }

    // ---- facilitator actions ---------------------------------------------------------------

    public boolean isFacilitator(SessionId session, PersonId person) {
        return db.fetchExists(SESSION_FACILITATOR, SESSION_FACILITATOR.SESSION_ID.eq(session.value()),
                SESSION_FACILITATOR.PERSON_ID.eq(person.value()));
    }

    public boolean isLead(SessionId session, PersonId person) {
        return db.fetchExists(SESSION_FACILITATOR, SESSION_FACILITATOR.SESSION_ID.eq(session.value()),
                SESSION_FACILITATOR.PERSON_ID.eq(person.value()), SESSION_FACILITATOR.LEAD.isTrue());
    }

    /** Locks the session row for a facilitator's change; empty when it is not running. */
    public Optional<LiveSessionRecord> lockRunning(SessionId session) {
        return db.selectFrom(LIVE_SESSION).where(LIVE_SESSION.ID.eq(session.value()), LIVE_SESSION.STATUS.eq("running"))
                .forUpdate().fetchOptional();
    }

    public Optional<Integer> stepIndex(SessionId session, String cardId, String activityId) {
        return db.select(SESSION_STEP.IDX).from(SESSION_STEP)
                .where(SESSION_STEP.SESSION_ID.eq(session.value()), SESSION_STEP.CARD_ID.eq(cardId), SESSION_STEP.ACTIVITY_ID.eq(activityId))
                .orderBy(SESSION_STEP.IDX).limit(1).fetchOptional(SESSION_STEP.IDX);
    }

    public int stepCount(SessionId session) {
        return db.fetchCount(SESSION_STEP, SESSION_STEP.SESSION_ID.eq(session.value()));
    }

    /** Makes a step the current one; it is then opened for good (the summary lists opened steps only). */
    public long goTo(SessionId session, int step) {
        db.update(SESSION_STEP).set(SESSION_STEP.OPENED, true)
                .where(SESSION_STEP.SESSION_ID.eq(session.value()), SESSION_STEP.IDX.eq(step), SESSION_STEP.OPENED.isFalse()).execute();
        return db.update(LIVE_SESSION).set(LIVE_SESSION.CURRENT_STEP, step).set(LIVE_SESSION.TIMER_ENDS_AT, (OffsetDateTime) null)
                .set(LIVE_SESSION.VERSION, NEXT_VERSION).set(LIVE_SESSION.LAST_ACTIVITY_AT, DSL.currentOffsetDateTime())
                .where(LIVE_SESSION.ID.eq(session.value())).returning(LIVE_SESSION.VERSION).fetchOne(LIVE_SESSION.VERSION);
    }

    public long setTimer(SessionId session, @Nullable OffsetDateTime endsAt) {
        return db.update(LIVE_SESSION).set(LIVE_SESSION.TIMER_ENDS_AT, endsAt)
                .set(LIVE_SESSION.VERSION, NEXT_VERSION).set(LIVE_SESSION.LAST_ACTIVITY_AT, DSL.currentOffsetDateTime())
                .where(LIVE_SESSION.ID.eq(session.value())).returning(LIVE_SESSION.VERSION).fetchOne(LIVE_SESSION.VERSION);
    }

    /** Bumps the session's version and activity time for a change that lives in another table. */
    public long touch(SessionId session) {
        return db.update(LIVE_SESSION).set(LIVE_SESSION.VERSION, NEXT_VERSION).set(LIVE_SESSION.LAST_ACTIVITY_AT, DSL.currentOffsetDateTime())
                .where(LIVE_SESSION.ID.eq(session.value())).returning(LIVE_SESSION.VERSION).fetchOne(LIVE_SESSION.VERSION);
    }

    /**
     * Marks the session active for the idle check, at most once a minute: answers of one session
     * must not queue on its row.
     */
    public void noteActivity(SessionId session) {
        db.update(LIVE_SESSION).set(LIVE_SESSION.LAST_ACTIVITY_AT, DSL.currentOffsetDateTime())
                .where(LIVE_SESSION.ID.eq(session.value()))
                .and(DSL.condition("last_activity_at < now() - interval '1 minute'"))
                .execute();
    }

    public long setStepFlag(SessionId session, int step, boolean reveal, boolean value) {
        var field = reveal ? SESSION_STEP.REVEALED : SESSION_STEP.LOCKED;
        db.update(SESSION_STEP).set(field, value).set(SESSION_STEP.VERSION, NEXT_VERSION)
                .where(SESSION_STEP.SESSION_ID.eq(session.value()), SESSION_STEP.IDX.eq(step)).execute();
        return touch(session);
    }

    /** Closes a running session; false if it was closed already (by someone else, or another node). */
    public boolean close(SessionId session, String reason, java.time.@Nullable Duration idleFor) {
        var update = db.update(LIVE_SESSION).set(LIVE_SESSION.STATUS, "closed")
                .set(LIVE_SESSION.CLOSED_AT, DSL.currentOffsetDateTime()).set(LIVE_SESSION.CLOSED_REASON, reason)
                .set(LIVE_SESSION.TIMER_ENDS_AT, (OffsetDateTime) null)
                .set(LIVE_SESSION.VERSION, NEXT_VERSION)
                .where(LIVE_SESSION.ID.eq(session.value()), LIVE_SESSION.STATUS.eq("running"));
        if (idleFor != null) {
            update = update.and(LIVE_SESSION.LAST_ACTIVITY_AT.lt(OffsetDateTime.now().minus(idleFor)));
        }
        return update.execute() == 1;
    }

    public void addFacilitator(TenantId tenant, SessionId session, PersonId person, boolean lead) {
        if (lead) {
            db.update(SESSION_FACILITATOR).set(SESSION_FACILITATOR.LEAD, false)
                    .where(SESSION_FACILITATOR.SESSION_ID.eq(session.value())).execute();
        }
        db.insertInto(SESSION_FACILITATOR, SESSION_FACILITATOR.TENANT_ID, SESSION_FACILITATOR.SESSION_ID,
                        SESSION_FACILITATOR.PERSON_ID, SESSION_FACILITATOR.LEAD)
                .values(tenant.value(), session.value(), person.value(), lead)
                .onConflict(SESSION_FACILITATOR.TENANT_ID, SESSION_FACILITATOR.SESSION_ID, SESSION_FACILITATOR.PERSON_ID)
                .doUpdate().set(SESSION_FACILITATOR.LEAD, lead)
                .execute();
    }


    // ---- a step as participants' writes see it ---------------------------------------------

    public record StepState(String status, int currentStep, String kind, boolean locked, String cardId, String activityId) {
    }

    public Optional<StepState> stepState(SessionId session, int step) {
        return db.select(LIVE_SESSION.STATUS, LIVE_SESSION.CURRENT_STEP, SESSION_STEP.KIND, SESSION_STEP.LOCKED,
                        SESSION_STEP.CARD_ID, SESSION_STEP.ACTIVITY_ID)
                .from(LIVE_SESSION).join(SESSION_STEP).on(SESSION_STEP.TENANT_ID.eq(LIVE_SESSION.TENANT_ID),
                        SESSION_STEP.SESSION_ID.eq(LIVE_SESSION.ID))
                .where(LIVE_SESSION.ID.eq(session.value()), SESSION_STEP.IDX.eq(step))
                .fetchOptional(r -> new StepState(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    // ---- the state every view renders ------------------------------------------------------

    public record Loaded(SessionInfo info, long version, int currentStep, @Nullable Instant timerEndsAt,
                         List<LiveState.Step> steps, List<LiveState.Participant> participants, List<LiveState.Answer> answers,
                         List<LiveState.Group> groups, List<LiveState.Grouping> groupings, List<LiveState.Vote> votes,
                         List<LiveState.Rating> ratings, List<LiveState.Touchpoint> touchpoints) {
    }

    /** Everything of the session at one version, in one statement (see SessionSnapshotQuery). */
    public Optional<Loaded> load(SessionId id) {
        return snapshot.load(id);
    }
}
