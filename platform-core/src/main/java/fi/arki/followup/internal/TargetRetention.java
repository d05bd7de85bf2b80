package fi.arki.followup.internal;

import static fi.arki.followup.internal.db.Tables.DEVELOPMENT_TARGET;
import static fi.arki.followup.internal.db.Tables.TARGET_REVIEW;

import fi.arki.followup.TargetStatus;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** What the retention purge does to development targets and reviews (of the tenant bound to the transaction). */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class TargetRetention {

    private final DSLContext db;

    TargetRetention(DSLContext db) {
        this.db = db;
    }

    /** Deletes the reviews recorded in these sessions; returns how many per session. */
    public Map<UUID, Integer> deleteReviewsIn(Collection<UUID> sessions) {
        return count(db.deleteFrom(TARGET_REVIEW).where(TARGET_REVIEW.SESSION_ID.in(sessions))
                .returning(TARGET_REVIEW.SESSION_ID).fetch(TARGET_REVIEW.SESSION_ID));
    }

    /** Deletes the finished (done or dropped) targets committed in these sessions, with all their reviews. */
    public Map<UUID, Integer> deleteFinishedCommittedIn(Collection<UUID> sessions) {
        return count(db.deleteFrom(DEVELOPMENT_TARGET)
                .where(DEVELOPMENT_TARGET.SESSION_ID.in(sessions))
                .and(DEVELOPMENT_TARGET.STATUS.ne(TargetStatus.OPEN.code()))
                .returning(DEVELOPMENT_TARGET.SESSION_ID).fetch(DEVELOPMENT_TARGET.SESSION_ID));
    }

    /** Detaches the open targets committed in these sessions: the team keeps them, without the session. */
    public Map<UUID, Integer> detachOpenCommittedIn(Collection<UUID> sessions) {
        var open = DEVELOPMENT_TARGET.SESSION_ID.in(sessions).and(DEVELOPMENT_TARGET.STATUS.eq(TargetStatus.OPEN.code()));
        Map<UUID, Integer> counts = count(db.select(DEVELOPMENT_TARGET.SESSION_ID).from(DEVELOPMENT_TARGET).where(open)
                .forUpdate().fetch(DEVELOPMENT_TARGET.SESSION_ID));
        db.update(DEVELOPMENT_TARGET).setNull(DEVELOPMENT_TARGET.SESSION_ID).where(open).execute();
        return counts;
    }

    /** Deletes finished targets no session holds any more whose last change was before the cut-off. */
    public int deleteFinishedDetachedBefore(OffsetDateTime cutoff) {
        return db.deleteFrom(DEVELOPMENT_TARGET)
                .where(DEVELOPMENT_TARGET.SESSION_ID.isNull())
                .and(DEVELOPMENT_TARGET.STATUS.ne(TargetStatus.OPEN.code()))
                .and(DEVELOPMENT_TARGET.UPDATED_AT.lt(cutoff))
                .execute();
    }

    private static Map<UUID, Integer> count(List<UUID> sessions) {
        Map<UUID, Integer> counts = new HashMap<>();
        sessions.forEach(s -> counts.merge(s, 1, Integer::sum));
        return counts;
    }
}
