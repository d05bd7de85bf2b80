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
 * The facilitator's groups of a live session's answers, and which answer is in which group.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class GroupingRows {


    private final DSLContext db;
    private final Sessions sessions;

    GroupingRows(DSLContext db, Sessions sessions) {
        this.db = db;
        this.sessions = sessions;
    }

    public long createGroup(TenantId tenant, SessionId session, int step, UUID id, String label) {
        db.insertInto(ANSWER_GROUP, ANSWER_GROUP.TENANT_ID, ANSWER_GROUP.SESSION_ID, ANSWER_GROUP.ID, ANSWER_GROUP.STEP_IDX, ANSWER_GROUP.LABEL)
                .values(tenant.value(), session.value(), id, step, label)
                .onConflict(ANSWER_GROUP.TENANT_ID, ANSWER_GROUP.ID).doUpdate().set(ANSWER_GROUP.LABEL, label)
                .set(ANSWER_GROUP.VERSION, NEXT_VERSION)
                .where(ANSWER_GROUP.SESSION_ID.eq(session.value()))
                .execute();
        return sessions.touch(session);
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
        return sessions.touch(session);
    }
}
