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

import fi.arki.session.SessionId;
import fi.arki.tenancy.TenantDataParticipant;
import fi.arki.tenancy.TenantDeletion;
import fi.arki.tenancy.TenantExport;
import fi.arki.tenancy.TenantRestore;
import fi.arki.tenancy.internal.transfer.TableTransfer;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sessions — with their teams, facilitators, steps, participants, answers, groups, votes, ratings
 * and touchpoints — in a tenant's export, restore and deletion. Change stamps ({@code version}) are
 * this database's bookkeeping and participants' pass hashes are secrets: neither is exported, and a
 * restore gives rows new stamps and participants passes nobody holds (they join again). An
 * anonymous session stores no person for any participant, so its export has none either. Join
 * codes are not exported: a restored running session gets a new one.
 */
@Component
class SessionData implements TenantDataParticipant {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext db;
    private final Sessions sessions;

    SessionData(DSLContext db, Sessions sessions) {
        this.db = db;
        this.sessions = sessions;
    }

    @Override
    public String name() {
        return "session";
    }

    @Override
    public java.util.Set<String> after() {
        return java.util.Set.of("directory", "deck");
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void export(TenantExport export) {
        for (TableTransfer<?> table : tables()) {
            table.export(export);
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void restore(TenantRestore restore) {
        for (TableTransfer<?> table : tables()) {
            table.restore(restore);
        }
        List<UUID> running = db.select(LIVE_SESSION.ID).from(LIVE_SESSION).where(LIVE_SESSION.STATUS.eq("running")).fetch(LIVE_SESSION.ID);
        OffsetDateTime expires = OffsetDateTime.now().plus(JoinCodes.LIFETIME);
        for (UUID session : running) {
            while (!sessions.insertJoinCode(JoinCodes.newCode(), restore.tenant().id(), new SessionId(session), expires)) {
                // a code in use: draw another
            }
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void delete(TenantDeletion deletion) {
        deletion.deleted("join_code", db.deleteFrom(JOIN_CODE).where(JOIN_CODE.SESSION_TENANT_ID.eq(deletion.tenant().id().value())).execute());
        for (var table : List.of(TOUCHPOINT, RATING, VOTE, ANSWER_GROUPING, ANSWER_GROUP, ANSWER, PARTICIPANT, SESSION_STEP,
                SESSION_FACILITATOR, SESSION_TEAM, LIVE_SESSION)) {
            deletion.deleted(table.getName(), db.deleteFrom(table).execute());
        }
    }

    /** Parents before children. */
    private List<TableTransfer<?>> tables() {
        return List.of(
                // a running session's person-key secret and keys stay out of the archive: with them, an archive would link
                // an anonymous session's answers to people (PersonKeys); a restored member who rejoins is a new participant
                TableTransfer.of(db, LIVE_SESSION).omit(LIVE_SESSION.VERSION, LIVE_SESSION.PERSON_KEY_SECRET),
                TableTransfer.of(db, SESSION_TEAM),
                TableTransfer.of(db, SESSION_FACILITATOR),
                TableTransfer.of(db, SESSION_STEP).omit(SESSION_STEP.VERSION),
                TableTransfer.of(db, PARTICIPANT).omit(PARTICIPANT.VERSION, PARTICIPANT.SECRET_HASH, PARTICIPANT.PERSON_KEY)
                        .onRestore(p -> p.setSecretHash(unusableHash())),
                TableTransfer.of(db, ANSWER).omit(ANSWER.VERSION),
                TableTransfer.of(db, ANSWER_GROUP).omit(ANSWER_GROUP.VERSION),
                TableTransfer.of(db, ANSWER_GROUPING).omit(ANSWER_GROUPING.VERSION),
                TableTransfer.of(db, VOTE).omit(VOTE.VERSION),
                TableTransfer.of(db, RATING).omit(RATING.VERSION),
                TableTransfer.of(db, TOUCHPOINT).omit(TOUCHPOINT.VERSION));
    }

    /** A pass hash no pass leads to (a random value where a SHA-256 of a secret would be). */
    private static String unusableHash() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "restored:" + HexFormat.of().formatHex(bytes);
    }
}
