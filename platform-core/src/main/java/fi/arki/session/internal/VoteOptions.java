package fi.arki.session.internal;

import static fi.arki.session.internal.db.Tables.ANSWER;
import static fi.arki.session.internal.db.Tables.ANSWER_GROUP;
import static fi.arki.session.internal.db.Tables.ANSWER_GROUPING;

import fi.arki.session.SessionId;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a vote offers an item, as {@code LiveState.voteOptions} lists them: over a group step,
 * its groups and every answer of the grouped step that is in none of them (an idea nobody grouped
 * is as votable as a group); over a writing step, its answers. Held answers are offered to nobody.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class VoteOptions {

    private final DSLContext db;

    VoteOptions(DSLContext db) {
        this.db = db;
    }

    /**
     * @param source  the step the vote is over
     * @param grouped where {@code source} is a group step, the step whose answers it groups; null otherwise
     */
    public boolean offers(SessionId session, int source, @Nullable Integer grouped, UUID item) {
        if (grouped == null) {
            return shownAnswer(session, source, item);
        }
        if (db.fetchExists(ANSWER_GROUP, ANSWER_GROUP.SESSION_ID.eq(session.value()), ANSWER_GROUP.STEP_IDX.eq(source),
                ANSWER_GROUP.ID.eq(item))) {
            return true;
        }
        return shownAnswer(session, grouped, item)
                && !db.fetchExists(ANSWER_GROUPING, ANSWER_GROUPING.SESSION_ID.eq(session.value()),
                        ANSWER_GROUPING.STEP_IDX.eq(source), ANSWER_GROUPING.ANSWER_ID.eq(item));
    }

    private boolean shownAnswer(SessionId session, int step, UUID answer) {
        return db.fetchExists(ANSWER, DSL.and(ANSWER.SESSION_ID.eq(session.value()), ANSWER.STEP_IDX.eq(step),
                ANSWER.ID.eq(answer), ANSWER.HELD.isFalse()));
    }
}
