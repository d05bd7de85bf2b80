package fi.arki.session.internal;

import static fi.arki.session.internal.db.Tables.ANSWER;

import fi.arki.session.SessionInfo;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers of an anonymous session written after their step was revealed. Shown at once, such an
 * answer would appear alone on every screen (and the respondent count would go up by one) while
 * its writer is the one still typing: in a small team that names them. So it is stored held
 * ({@code answer.held}, set by the write itself) and the facilitator's next reveal of the step
 * releases the held answers together; views list answers in text order, so the order they then
 * appear in says nothing about when each was written.
 *
 * <p>A reveal releases them only when at least {@link #BATCH} are held: one late answer shown on
 * its own would single out its writer just the same. It stays held (the facilitator sees "held")
 * until another joins it; when the session closes, the summary shows every answer.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class HeldAnswers {

    /** The fewest held answers a reveal shows together. */
    public static final int BATCH = fi.arki.session.LiveState.HELD_BATCH;

    private final DSLContext db;

    HeldAnswers(DSLContext db) {
        this.db = db;
    }

    /** Releases the step's held answers if there are enough of them; returns the version they were released at. */
    public Optional<Long> release(SessionInfo session, int step) {
        if (!session.anonymous()) {
            return Optional.empty();
        }
        var ofStep = DSL.and(ANSWER.SESSION_ID.eq(session.id().value()), ANSWER.STEP_IDX.eq(step), ANSWER.HELD.isTrue());
        if (db.fetchCount(ANSWER, ofStep) < BATCH) {
            return Optional.empty();
        }
        return db.update(ANSWER).set(ANSWER.HELD, false).set(ANSWER.VERSION, Sessions.NEXT_VERSION)
                .where(ofStep)
                .returning(ANSWER.VERSION).fetch(ANSWER.VERSION).stream().max(Long::compare);
    }
}
