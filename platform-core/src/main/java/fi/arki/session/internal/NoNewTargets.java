package fi.arki.session.internal;

import static fi.arki.session.internal.db.Tables.SESSION_STEP;

import fi.arki.session.SessionId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.jooq.DSLContext;

/**
 * The facilitator's explicit "no new target" on a commit-targets step ({@code session_step.no_new_target},
 * V87). Read here, in a query of its own, and added to the live state when it is assembled, so the
 * read of the session's other rows need not know of it.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class NoNewTargets {

    private final DSLContext db;

    NoNewTargets(DSLContext db) {
        this.db = db;
    }

    /** Sets or clears the decision on a step; true if that changed it. */
    public boolean set(SessionId session, int step, boolean decided) {
        return db.update(SESSION_STEP).set(SESSION_STEP.NO_NEW_TARGET, decided).set(SESSION_STEP.VERSION, Sessions.NEXT_VERSION)
                .where(SESSION_STEP.SESSION_ID.eq(session.value()), SESSION_STEP.IDX.eq(step),
                        SESSION_STEP.NO_NEW_TARGET.ne(decided))
                .execute() == 1;
    }

    /** Clears every decision of the session (a target was committed after all); the steps it was cleared on. */
    public List<Integer> clearAll(SessionId session) {
        return db.update(SESSION_STEP).set(SESSION_STEP.NO_NEW_TARGET, false).set(SESSION_STEP.VERSION, Sessions.NEXT_VERSION)
                .where(SESSION_STEP.SESSION_ID.eq(session.value()), SESSION_STEP.NO_NEW_TARGET.isTrue())
                .returning(SESSION_STEP.IDX).fetch(SESSION_STEP.IDX);
    }

    /** The steps of the session on which the facilitator recorded "no new target". */
    public Set<Integer> steps(SessionId session) {
        return new TreeSet<>(db.select(SESSION_STEP.IDX).from(SESSION_STEP)
                .where(SESSION_STEP.SESSION_ID.eq(session.value()), SESSION_STEP.NO_NEW_TARGET.isTrue())
                .fetch(SESSION_STEP.IDX));
    }
}
