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

/**
 * The live read as it was before {@link SessionSnapshotQuery}: the session row, its teams,
 * facilitators and join code, then each child table and the newest version, thirteen statements in
 * all. Kept only as the live-read benchmark's baseline in the same run ({@link LiveReadBenchmark}).
 */
class LegacyLiveRead {

    private final DSLContext db;

    LegacyLiveRead(DSLContext db) {
        this.db = db;
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


    Optional<Sessions.Loaded> load(SessionId id) {
        LiveSessionRecord s = db.selectFrom(LIVE_SESSION).where(LIVE_SESSION.ID.eq(id.value())).fetchOne();
        if (s == null) {
            return Optional.empty();
        }
        SessionInfo info = toInfo(s);
        boolean named = info.mode() == SessionMode.NAMED;
        UUID sid = id.value();
        List<LiveState.Step> steps = db.selectFrom(SESSION_STEP).where(SESSION_STEP.SESSION_ID.eq(sid)).orderBy(SESSION_STEP.IDX)
                .fetch(r -> new LiveState.Step(r.getIdx(), r.getCardId(), r.getActivityId(), ActivityKind.ofCode(r.getKind()).orElseThrow(),
                        r.getRevealed(), r.getLocked(), r.getOpened()));
        List<LiveState.Participant> participants = db.select(PARTICIPANT.ID, PARTICIPANT.DISPLAY_NAME, PARTICIPANT.UNIT_ID,
                        PARTICIPANT.TEAM_ID, PARTICIPANT.GUEST, DSL.field(DSL.condition(ParticipantRows.PRESENT)))
                .from(PARTICIPANT).where(PARTICIPANT.SESSION_ID.eq(sid)).orderBy(PARTICIPANT.ID)
                .fetch(r -> new LiveState.Participant(new ParticipantId(r.value1()), named ? r.value2() : null,
                        r.value3() == null ? null : new UnitId(r.value3()), r.value4() == null ? null : new TeamId(r.value4()),
                        r.value5(), Boolean.TRUE.equals(r.value6())));
        List<LiveState.Answer> answers = db.selectFrom(ANSWER).where(ANSWER.SESSION_ID.eq(sid))
                .fetch(r -> new LiveState.Answer(r.getId(), r.getStepIdx(), new ParticipantId(r.getParticipantId()),
                        r.getUnitId() == null ? null : new UnitId(r.getUnitId()),
                        r.getLane() == null ? null : Lane.ofCode(r.getLane()).orElseThrow(), r.getBody(), r.getVersion(),
                        // once the session is closed, nothing is live to single anyone out: the summary has every answer
                        r.getHeld() && info.running()));
        List<LiveState.Group> groups = db.selectFrom(ANSWER_GROUP).where(ANSWER_GROUP.SESSION_ID.eq(sid))
                .fetch(r -> new LiveState.Group(r.getId(), r.getStepIdx(), r.getLabel()));
        List<LiveState.Grouping> groupings = db.selectFrom(ANSWER_GROUPING).where(ANSWER_GROUPING.SESSION_ID.eq(sid))
                .fetch(r -> new LiveState.Grouping(r.getStepIdx(), r.getAnswerId(), r.getGroupId()));
        List<LiveState.Vote> votes = db.selectFrom(VOTE).where(VOTE.SESSION_ID.eq(sid))
                .fetch(r -> new LiveState.Vote(r.getStepIdx(), new ParticipantId(r.getParticipantId()), r.getItemId(), r.getDots()));
        List<LiveState.Rating> ratings = db.selectFrom(RATING).where(RATING.SESSION_ID.eq(sid))
                .fetch(r -> new LiveState.Rating(r.getStepIdx(), new ParticipantId(r.getParticipantId()), r.getValue()));
        List<LiveState.Touchpoint> touchpoints = db.selectFrom(TOUCHPOINT).where(TOUCHPOINT.SESSION_ID.eq(sid))
                .fetch(r -> new LiveState.Touchpoint(r.getId(), r.getStepIdx(), new ParticipantId(r.getParticipantId()),
                        r.getUnitId() == null ? null : new UnitId(r.getUnitId()), SessionSnapshotQuery.stage(r.getStage()), SessionSnapshotQuery.owner(r.getOwner()),
                        r.getLabel(), r.getEmotion(), r.getEffort(), r.getPeak(), r.getIsEnd(), r.getImprove()));
        long version = s.getVersion();
        for (var a : answers) version = Math.max(version, a.version());
        Long maxOther = db.select(DSL.greatest(
                        DSL.coalesce(DSL.select(DSL.max(PARTICIPANT.VERSION)).from(PARTICIPANT).where(PARTICIPANT.SESSION_ID.eq(sid)).asField(), 0L),
                        DSL.coalesce(DSL.select(DSL.max(VOTE.VERSION)).from(VOTE).where(VOTE.SESSION_ID.eq(sid)).asField(), 0L),
                        DSL.coalesce(DSL.select(DSL.max(RATING.VERSION)).from(RATING).where(RATING.SESSION_ID.eq(sid)).asField(), 0L),
                        DSL.coalesce(DSL.select(DSL.max(TOUCHPOINT.VERSION)).from(TOUCHPOINT).where(TOUCHPOINT.SESSION_ID.eq(sid)).asField(), 0L)))
                .fetchOne(0, Long.class);
        version = Math.max(version, maxOther == null ? 0 : maxOther);
        return Optional.of(new Sessions.Loaded(info, version, s.getCurrentStep(),
                s.getTimerEndsAt() == null ? null : s.getTimerEndsAt().toInstant(), steps, participants, answers, groups,
                groupings, votes, ratings, touchpoints));
    }
}
