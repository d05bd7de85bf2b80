package fi.arki.session.internal;

import static fi.arki.session.internal.db.Tables.LIVE_SESSION;
import static fi.arki.session.internal.db.Tables.PARTICIPANT;

import fi.arki.directory.PersonId;
import fi.arki.session.ParticipantId;
import fi.arki.session.SessionId;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the participant a signed-in member already is in an anonymous session, where no person is
 * recorded: the participant carries {@code person_key = HMAC-SHA256(session secret, person id)}.
 * The MAC is the JDK's {@code javax.crypto.Mac} ("HmacSHA256"), a field implementation, not ours.
 *
 * <p>Why a keyed hash and not a plain one: a plain hash of a person id could be recomputed for every
 * person of the tenant by anyone who can read the table. The key is a random secret of the session
 * ({@code live_session.person_key_secret}, made at the first member's join); closing the session
 * erases the secret and every key of the session in the closing statement itself (trigger of
 * V87), so afterwards no one, not even with the database, links an answer to a person. During the
 * session the link exists only as this keyed hash.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class PersonKeys {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int SECRET_BYTES = 32;

    private final DSLContext db;
    private final SecureRandom random = new SecureRandom();

    PersonKeys(DSLContext db) {
        this.db = db;
    }

    /**
     * The person's key in a running session, making the session's secret if it has none yet; empty
     * for a session that is not running (or not this tenant's). Two first joins at once agree on one
     * secret: the second update waits for the first and keeps the secret it wrote. Holds a lock on
     * the key until the transaction ends, so that the caller's look-up and insert are one person's alone.
     */
    public Optional<byte[]> keyOf(SessionId session, PersonId person) {
        var running = DSL.and(LIVE_SESSION.ID.eq(session.value()), LIVE_SESSION.STATUS.eq("running"));
        byte[] secret = db.select(LIVE_SESSION.PERSON_KEY_SECRET).from(LIVE_SESSION).where(running)
                .fetchOptional(LIVE_SESSION.PERSON_KEY_SECRET).orElse(null);
        if (secret == null) {
            byte[] fresh = new byte[SECRET_BYTES];
            random.nextBytes(fresh);
            secret = db.update(LIVE_SESSION)
                    .set(LIVE_SESSION.PERSON_KEY_SECRET, DSL.coalesce(LIVE_SESSION.PERSON_KEY_SECRET, DSL.val(fresh)))
                    .where(running)
                    .returning(LIVE_SESSION.PERSON_KEY_SECRET).fetchOptional(LIVE_SESSION.PERSON_KEY_SECRET).orElse(null);
        }
        if (secret == null) {
            return Optional.empty();
        }
        byte[] key = mac(secret, person);
        // one person's devices joining at the same moment queue here until the first's transaction ends, so the
        // next finds the participant the first made instead of running into the unique index (an error on a phone)
        db.fetch("select pg_advisory_xact_lock(?)", ByteBuffer.wrap(key).getLong());
        return Optional.of(key);
    }

    /** The participant of the session that carries this key. */
    public Optional<ParticipantId> participantWith(SessionId session, byte[] key) {
        return db.select(PARTICIPANT.ID).from(PARTICIPANT)
                .where(PARTICIPANT.SESSION_ID.eq(session.value()), PARTICIPANT.PERSON_KEY.eq(key))
                .fetchOptional(r -> new ParticipantId(r.value1()));
    }

    /** Gives a new participant its key. */
    public void attach(SessionId session, ParticipantId participant, byte[] key) {
        db.update(PARTICIPANT).set(PARTICIPANT.PERSON_KEY, key)
                .where(PARTICIPANT.SESSION_ID.eq(session.value()), PARTICIPANT.ID.eq(participant.value()))
                .execute();
    }

    static byte[] mac(byte[] secret, PersonId person) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            ByteBuffer id = ByteBuffer.allocate(16);
            id.putLong(person.value().getMostSignificantBits()).putLong(person.value().getLeastSignificantBits());
            return mac.doFinal(id.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
