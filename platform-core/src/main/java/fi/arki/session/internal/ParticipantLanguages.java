package fi.arki.session.internal;

import static fi.arki.session.internal.db.Tables.PARTICIPANT;

import fi.arki.session.ParticipantId;
import fi.arki.session.SessionId;
import fi.arki.shared.Language;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The language stored for a participant (chosen when joining, changed on the participant page),
 * of the tenant bound to the transaction. A small repository of its own, beside {@code Sessions}
 * (which is being split by table group), for the participant page's one read of it.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class ParticipantLanguages {

    private final DSLContext db;

    ParticipantLanguages(DSLContext db) {
        this.db = db;
    }

    public Optional<Language> of(SessionId session, ParticipantId participant) {
        return db.select(PARTICIPANT.LANGUAGE).from(PARTICIPANT)
                .where(PARTICIPANT.SESSION_ID.eq(session.value()), PARTICIPANT.ID.eq(participant.value()))
                .fetchOptional(PARTICIPANT.LANGUAGE).flatMap(Language::ofTag);
    }
}
