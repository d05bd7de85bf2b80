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
 * The rows of live sessions, of the tenant bound to the transaction. Every write stamps the rows
 * it changes with the next value of {@code session_change_seq} and returns it: the version that
 * the broadcaster announces after commit.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
// Long on purpose for now (~580 lines): the session tables' repository (session, steps, participants, answers, groups, votes, ratings,
// touchpoints) in one place; issue 11 item 10 splits it by table group.
public class Sessions {

    static final Field<Long> NEXT_VERSION = DSL.field("nextval('session_change_seq')", Long.class);
    /** A participant with a UI open anywhere is seen at least this often (see PresenceTracker). */
    static final String PRESENT = "last_seen_at > now() - interval '60 seconds'";

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

    public long createGroup(TenantId tenant, SessionId session, int step, UUID id, String label) {
        db.insertInto(ANSWER_GROUP, ANSWER_GROUP.TENANT_ID, ANSWER_GROUP.SESSION_ID, ANSWER_GROUP.ID, ANSWER_GROUP.STEP_IDX, ANSWER_GROUP.LABEL)
                .values(tenant.value(), session.value(), id, step, label)
                .onConflict(ANSWER_GROUP.TENANT_ID, ANSWER_GROUP.ID).doUpdate().set(ANSWER_GROUP.LABEL, label)
                .set(ANSWER_GROUP.VERSION, NEXT_VERSION)
                .where(ANSWER_GROUP.SESSION_ID.eq(session.value()))
                .execute();
        return touch(session);
    }

    public boolean groupExists(SessionId session, int step, UUID group) {
        return db.fetchExists(ANSWER_GROUP, ANSWER_GROUP.SESSION_ID.eq(session.value()), ANSWER_GROUP.STEP_IDX.eq(step), ANSWER_GROUP.ID.eq(group));
    }

    public boolean answerExists(SessionId session, int step, UUID answer) {
        return db.fetchExists(ANSWER, ANSWER.SESSION_ID.eq(session.value()), ANSWER.STEP_IDX.eq(step), ANSWER.ID.eq(answer));
    }

    public long assignGroup(TenantId tenant, SessionId session, int step, UUID answer, @Nullable UUID group) {
        if (group == null) {
            db.deleteFrom(ANSWER_GROUPING).where(ANSWER_GROUPING.SESSION_ID.eq(session.value()), ANSWER_GROUPING.STEP_IDX.eq(step),
                    ANSWER_GROUPING.ANSWER_ID.eq(answer)).execute();
        } else {
            db.insertInto(ANSWER_GROUPING, ANSWER_GROUPING.TENANT_ID, ANSWER_GROUPING.SESSION_ID, ANSWER_GROUPING.STEP_IDX,
                            ANSWER_GROUPING.ANSWER_ID, ANSWER_GROUPING.GROUP_ID)
                    .values(tenant.value(), session.value(), step, answer, group)
                    .onConflict(ANSWER_GROUPING.TENANT_ID, ANSWER_GROUPING.SESSION_ID, ANSWER_GROUPING.STEP_IDX, ANSWER_GROUPING.ANSWER_ID)
                    .doUpdate().set(ANSWER_GROUPING.GROUP_ID, group).set(ANSWER_GROUPING.VERSION, NEXT_VERSION)
                    .execute();
        }
        return touch(session);
    }

    public long markTouchpoint(SessionId session, UUID touchpoint, String flag, boolean value) {
        var field = switch (flag) {
            case "peak" -> TOUCHPOINT.PEAK;
            case "end" -> TOUCHPOINT.IS_END;
            case "improve" -> TOUCHPOINT.IMPROVE;
            default -> throw new IllegalArgumentException(flag);
        };
        db.update(TOUCHPOINT).set(field, value).set(TOUCHPOINT.VERSION, NEXT_VERSION)
                .where(TOUCHPOINT.SESSION_ID.eq(session.value()), TOUCHPOINT.ID.eq(touchpoint)).execute();
        return touch(session);
    }

    public int improveCount(SessionId session, int step) {
        return db.fetchCount(TOUCHPOINT, TOUCHPOINT.SESSION_ID.eq(session.value()), TOUCHPOINT.STEP_IDX.eq(step), TOUCHPOINT.IMPROVE.isTrue());
    }

    // ---- participants ----------------------------------------------------------------------

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

    public void insertParticipant(TenantId tenant, SessionId session, ParticipantId id, @Nullable PersonId person, boolean guest,
                                  @Nullable String name, @Nullable UnitId unit, @Nullable TeamId team, Language language,
                                  String secretHash) {
        db.insertInto(PARTICIPANT)
                .set(PARTICIPANT.TENANT_ID, tenant.value())
                .set(PARTICIPANT.SESSION_ID, session.value())
                .set(PARTICIPANT.ID, id.value())
                .set(PARTICIPANT.PERSON_ID, person == null ? null : person.value())
                .set(PARTICIPANT.GUEST, guest)
                .set(PARTICIPANT.DISPLAY_NAME, name)
                .set(PARTICIPANT.UNIT_ID, unit == null ? null : unit.value())
                .set(PARTICIPANT.TEAM_ID, team == null ? null : team.value())
                .set(PARTICIPANT.LANGUAGE, language.tag())
                .set(PARTICIPANT.SECRET_HASH, secretHash)
                .set(PARTICIPANT.LAST_SEEN_AT, DSL.currentOffsetDateTime())
                .execute();
    }

    /** Clears the name of every participant that was this person; the participants and their answers stay. */
    public int forgetNamesOf(PersonId person) {
        return db.update(PARTICIPANT).setNull(PARTICIPANT.DISPLAY_NAME)
                .where(PARTICIPANT.PERSON_ID.eq(person.value()), PARTICIPANT.DISPLAY_NAME.isNotNull())
                .execute();
    }

    public Optional<ParticipantId> participantOfPerson(SessionId session, PersonId person) {
        return db.select(PARTICIPANT.ID).from(PARTICIPANT)
                .where(PARTICIPANT.SESSION_ID.eq(session.value()), PARTICIPANT.PERSON_ID.eq(person.value()))
                .fetchOptional(r -> new ParticipantId(r.value1()));
    }

    public Optional<String> secretHash(SessionId session, ParticipantId participant) {
        return db.select(PARTICIPANT.SECRET_HASH).from(PARTICIPANT)
                .where(PARTICIPANT.SESSION_ID.eq(session.value()), PARTICIPANT.ID.eq(participant.value()))
                .fetchOptional(PARTICIPANT.SECRET_HASH);
    }

    public void setSecretHash(SessionId session, ParticipantId participant, String hash) {
        db.update(PARTICIPANT).set(PARTICIPANT.SECRET_HASH, hash)
                .where(PARTICIPANT.SESSION_ID.eq(session.value()), PARTICIPANT.ID.eq(participant.value())).execute();
    }

    public void setLanguage(SessionId session, ParticipantId participant, Language language) {
        db.update(PARTICIPANT).set(PARTICIPANT.LANGUAGE, language.tag())
                .where(PARTICIPANT.SESSION_ID.eq(session.value()), PARTICIPANT.ID.eq(participant.value())).execute();
    }

    /** Marks participants seen now (or gone); returns the new version if anyone's presence changed. */
    public Optional<Long> seen(SessionId session, Collection<ParticipantId> participants, boolean present) {
        if (participants.isEmpty()) {
            return Optional.empty();
        }
        List<UUID> ids = participants.stream().map(ParticipantId::value).toList();
        // a participant whose presence flips gets a new version; one who stays present does not
        var flips = DSL.field(DSL.condition(PRESENT)).isDistinctFrom(DSL.inline(present));
        int flipped = db.fetchCount(PARTICIPANT, PARTICIPANT.SESSION_ID.eq(session.value()), PARTICIPANT.ID.in(ids), flips);
        db.update(PARTICIPANT)
                .set(PARTICIPANT.LAST_SEEN_AT, present ? DSL.currentOffsetDateTime() : null)
                .set(PARTICIPANT.VERSION, DSL.when(flips, NEXT_VERSION).otherwise(PARTICIPANT.VERSION))
                .where(PARTICIPANT.SESSION_ID.eq(session.value()), PARTICIPANT.ID.in(ids))
                .execute();
        return flipped > 0 ? Optional.of(db.select(DSL.max(PARTICIPANT.VERSION)).from(PARTICIPANT)
                .where(PARTICIPANT.SESSION_ID.eq(session.value())).fetchOne(0, Long.class)) : Optional.empty();
    }

    public Optional<UnitId> unitOf(SessionId session, ParticipantId participant) {
        return db.select(PARTICIPANT.UNIT_ID).from(PARTICIPANT)
                .where(PARTICIPANT.SESSION_ID.eq(session.value()), PARTICIPANT.ID.eq(participant.value()))
                .fetchOptional(r -> r.value1() == null ? null : new UnitId(r.value1()));
    }

    public boolean lockParticipant(SessionId session, ParticipantId participant) {
        return db.select(PARTICIPANT.ID).from(PARTICIPANT)
                .where(PARTICIPANT.SESSION_ID.eq(session.value()), PARTICIPANT.ID.eq(participant.value()))
                .forUpdate().fetchOptional().isPresent();
    }

    // ---- participant writes ----------------------------------------------------------------

    /**
     * Writes an answer in one statement: only into a running session, an unlocked step of a
     * writing kind, by a participant of that session. A retry with the same id and text returns
     * nothing (no change); the caller then checks that the answer is there. A new answer to a
     * revealed step of an anonymous session is stored held (see HeldAnswers); an edit keeps
     * whether its answer is held.
     */
    public Optional<Long> upsertAnswer(SessionId session, ParticipantId participant, int step, UUID id, @Nullable Lane lane, String body) {
        return db.resultQuery("""
                insert into answer (tenant_id, session_id, id, step_idx, participant_id, unit_id, lane, body, held)
                select s.tenant_id, s.id, {0}, st.idx, p.id, p.unit_id, {1}, {2}, s.mode = 'anonymous' and st.revealed
                from live_session s
                join session_step st on st.tenant_id = s.tenant_id and st.session_id = s.id and st.idx = {3}
                join participant p on p.tenant_id = s.tenant_id and p.session_id = s.id and p.id = {4}
                where s.id = {5} and s.status = 'running' and not st.locked
                  and st.kind in ('prompt', 'start-continue-stop')
                on conflict (tenant_id, id) do update
                  set body = excluded.body, lane = excluded.lane, version = nextval('session_change_seq')
                  where answer.participant_id = excluded.participant_id and answer.session_id = excluded.session_id
                    and answer.step_idx = excluded.step_idx
                    and (answer.body <> excluded.body or answer.lane is distinct from excluded.lane)
                returning version""",
                DSL.val(id), DSL.val(lane == null ? null : lane.code(), String.class), DSL.val(body), DSL.val(step),
                DSL.val(participant.value()), DSL.val(session.value()))
                .fetchOptional(0, Long.class);
    }

    public record StoredAnswer(ParticipantId author, int step, @Nullable String lane, String body, long version) {
    }

    public Optional<StoredAnswer> answer(SessionId session, UUID id) {
        return db.select(ANSWER.PARTICIPANT_ID, ANSWER.STEP_IDX, ANSWER.LANE, ANSWER.BODY, ANSWER.VERSION).from(ANSWER)
                .where(ANSWER.SESSION_ID.eq(session.value()), ANSWER.ID.eq(id))
                .fetchOptional(r -> new StoredAnswer(new ParticipantId(r.value1()), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    public long deleteAnswer(SessionId session, ParticipantId participant, UUID id) {
        db.deleteFrom(ANSWER).where(ANSWER.SESSION_ID.eq(session.value()), ANSWER.ID.eq(id), ANSWER.PARTICIPANT_ID.eq(participant.value()))
                .execute();
        return db.select(NEXT_VERSION).fetchOne(0, Long.class);
    }

    public int dotsElsewhere(SessionId session, int step, ParticipantId participant, UUID item) {
        Integer sum = db.select(DSL.sum(VOTE.DOTS)).from(VOTE)
                .where(VOTE.SESSION_ID.eq(session.value()), VOTE.STEP_IDX.eq(step), VOTE.PARTICIPANT_ID.eq(participant.value()),
                        VOTE.ITEM_ID.ne(item))
                .fetchOne(0, Integer.class);
        return sum == null ? 0 : sum;
    }

    public long setDots(TenantId tenant, SessionId session, int step, ParticipantId participant, UUID item, int dots) {
        return db.insertInto(VOTE, VOTE.TENANT_ID, VOTE.SESSION_ID, VOTE.STEP_IDX, VOTE.PARTICIPANT_ID, VOTE.ITEM_ID, VOTE.DOTS)
                .values(tenant.value(), session.value(), step, participant.value(), item, dots)
                .onConflict(VOTE.TENANT_ID, VOTE.SESSION_ID, VOTE.STEP_IDX, VOTE.PARTICIPANT_ID, VOTE.ITEM_ID)
                .doUpdate().set(VOTE.DOTS, dots).set(VOTE.VERSION, NEXT_VERSION)
                .returning(VOTE.VERSION).fetchOne(VOTE.VERSION);
    }

    public long rate(TenantId tenant, SessionId session, int step, ParticipantId participant, int value) {
        return db.insertInto(RATING, RATING.TENANT_ID, RATING.SESSION_ID, RATING.STEP_IDX, RATING.PARTICIPANT_ID, RATING.VALUE)
                .values(tenant.value(), session.value(), step, participant.value(), value)
                .onConflict(RATING.TENANT_ID, RATING.SESSION_ID, RATING.STEP_IDX, RATING.PARTICIPANT_ID)
                .doUpdate().set(RATING.VALUE, value).set(RATING.VERSION, NEXT_VERSION)
                .returning(RATING.VERSION).fetchOne(RATING.VERSION);
    }

    /** Adds a touchpoint once (the id is the writer's); a retry returns empty. */
    public Optional<Long> addTouchpoint(TenantId tenant, SessionId session, int step, ParticipantId participant, UUID id,
                                        Activity.JourneyStage stage, Activity.TouchpointOwner owner, String label, int emotion, int effort) {
        return db.insertInto(TOUCHPOINT)
                .set(TOUCHPOINT.TENANT_ID, tenant.value())
                .set(TOUCHPOINT.SESSION_ID, session.value())
                .set(TOUCHPOINT.ID, id)
                .set(TOUCHPOINT.STEP_IDX, step)
                .set(TOUCHPOINT.PARTICIPANT_ID, participant.value())
                .set(TOUCHPOINT.UNIT_ID, DSL.select(PARTICIPANT.UNIT_ID).from(PARTICIPANT)
                        .where(PARTICIPANT.SESSION_ID.eq(session.value()), PARTICIPANT.ID.eq(participant.value())))
                .set(TOUCHPOINT.STAGE, stage.code())
                .set(TOUCHPOINT.OWNER, owner.code())
                .set(TOUCHPOINT.LABEL, label)
                .set(TOUCHPOINT.EMOTION, emotion)
                .set(TOUCHPOINT.EFFORT, effort)
                .onConflictDoNothing()
                .returning(TOUCHPOINT.VERSION)
                .fetchOptional(TOUCHPOINT.VERSION);
    }

    public int touchpointCount(SessionId session, int step, Activity.JourneyStage stage) {
        return db.fetchCount(TOUCHPOINT, TOUCHPOINT.SESSION_ID.eq(session.value()), TOUCHPOINT.STEP_IDX.eq(step),
                TOUCHPOINT.STAGE.eq(stage.code()));
    }

    public boolean touchpointExists(SessionId session, UUID id) {
        return db.fetchExists(TOUCHPOINT, TOUCHPOINT.SESSION_ID.eq(session.value()), TOUCHPOINT.ID.eq(id));
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
