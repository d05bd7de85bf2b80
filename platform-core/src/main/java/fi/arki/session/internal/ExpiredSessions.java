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

import fi.arki.shared.TenantId;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Closed sessions past the tenant's retention period, of the tenant bound to the transaction. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class ExpiredSessions {

    /** A session's rows, children first. */
    private static final List<Table<?>> CHILDREN = List.of(TOUCHPOINT, RATING, VOTE, ANSWER_GROUPING, ANSWER_GROUP, ANSWER,
            PARTICIPANT, SESSION_STEP, SESSION_FACILITATOR, SESSION_TEAM);

    private final DSLContext db;

    ExpiredSessions(DSLContext db) {
        this.db = db;
    }

    public record Expired(UUID id, OffsetDateTime closedAt) {
    }

    /**
     * Locks up to {@code limit} sessions closed before the cut-off, skipping those another node has
     * locked: each is purged by exactly one node.
     */
    public List<Expired> lockClosedBefore(OffsetDateTime cutoff, int limit) {
        return db.select(LIVE_SESSION.ID, LIVE_SESSION.CLOSED_AT).from(LIVE_SESSION)
                .where(LIVE_SESSION.STATUS.eq("closed")).and(LIVE_SESSION.CLOSED_AT.lt(cutoff))
                .orderBy(LIVE_SESSION.CLOSED_AT, LIVE_SESSION.ID)
                .limit(limit)
                .forUpdate().skipLocked()
                .fetch(r -> new Expired(r.value1(), r.value2()));
    }

    public int countClosedBefore(OffsetDateTime cutoff) {
        return db.fetchCount(LIVE_SESSION, LIVE_SESSION.STATUS.eq("closed").and(LIVE_SESSION.CLOSED_AT.lt(cutoff)));
    }

    /**
     * Deletes the sessions with every row they hold, and their join codes if any are left. Join
     * codes are a platform table without row level security: only the codes of sessions the bound
     * tenant can see are deleted, so another tenant's id and sessions delete nothing (T-03).
     */
    public int delete(TenantId tenant, Collection<UUID> sessions) {
        db.deleteFrom(JOIN_CODE).where(JOIN_CODE.SESSION_TENANT_ID.eq(tenant.value()),
                JOIN_CODE.SESSION_ID.in(DSL.select(LIVE_SESSION.ID).from(LIVE_SESSION).where(LIVE_SESSION.ID.in(sessions)))).execute();
        for (Table<?> table : CHILDREN) {
            @SuppressWarnings("unchecked")
            Field<UUID> session = (Field<UUID>) table.field("session_id");
            db.deleteFrom(table).where(session.in(sessions)).execute();
        }
        return db.deleteFrom(LIVE_SESSION).where(LIVE_SESSION.ID.in(sessions)).execute();
    }
}
