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
 * The participants of the tenant's live sessions: joining, their device passes, language and
 * presence, and forgetting a removed person's name.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class ParticipantRows {

    /** A participant with a UI open anywhere is seen at least this often (see PresenceTracker). */
    static final String PRESENT = "last_seen_at > now() - interval '60 seconds'";

    private final DSLContext db;

    ParticipantRows(DSLContext db) {
        this.db = db;
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
}
