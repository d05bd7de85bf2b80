package fi.arki.session.internal;

import static fi.arki.session.internal.Sessions.NEXT_VERSION;
import static fi.arki.session.internal.db.Tables.ANSWER;
import static fi.arki.session.internal.db.Tables.ANSWER_GROUP;
import static fi.arki.session.internal.db.Tables.ANSWER_GROUPING;
import static fi.arki.session.internal.db.Tables.PARTICIPANT;
import static fi.arki.session.internal.db.Tables.RATING;
import static fi.arki.session.internal.db.Tables.TOUCHPOINT;
import static fi.arki.session.internal.db.Tables.VOTE;

import fi.arki.deck.Activity;
import fi.arki.directory.PersonId;
import fi.arki.directory.TeamId;
import fi.arki.directory.UnitId;
import fi.arki.session.Lane;
import fi.arki.session.ParticipantId;
import fi.arki.session.SessionId;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What participants write into a live session: answers, dots, ratings and service-path
 * touchpoints (and the facilitator's marks on touchpoints). Each write only into a running session
 * and a step of its kind, checked by the caller or in the statement itself.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class ContributionRows {


    private final DSLContext db;
    private final Sessions sessions;

    ContributionRows(DSLContext db, Sessions sessions) {
        this.db = db;
        this.sessions = sessions;
    }

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

    public long markTouchpoint(SessionId session, UUID touchpoint, String flag, boolean value) {
        var field = switch (flag) {
            case "peak" -> TOUCHPOINT.PEAK;
            case "end" -> TOUCHPOINT.IS_END;
            case "improve" -> TOUCHPOINT.IMPROVE;
            default -> throw new IllegalArgumentException(flag);
        };
        db.update(TOUCHPOINT).set(field, value).set(TOUCHPOINT.VERSION, NEXT_VERSION)
                .where(TOUCHPOINT.SESSION_ID.eq(session.value()), TOUCHPOINT.ID.eq(touchpoint)).execute();
        return sessions.touch(session);
    }

    public int improveCount(SessionId session, int step) {
        return db.fetchCount(TOUCHPOINT, TOUCHPOINT.SESSION_ID.eq(session.value()), TOUCHPOINT.STEP_IDX.eq(step), TOUCHPOINT.IMPROVE.isTrue());
    }
}
