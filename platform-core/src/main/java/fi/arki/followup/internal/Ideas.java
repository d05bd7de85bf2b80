package fi.arki.followup.internal;

import static fi.arki.followup.internal.db.Tables.IDEA;

import fi.arki.directory.PersonId;
import fi.arki.directory.TeamId;
import fi.arki.followup.Idea;
import fi.arki.followup.IdeaDraft;
import fi.arki.followup.IdeaId;
import fi.arki.followup.IdeaStatus;
import fi.arki.followup.internal.db.tables.records.IdeaRecord;
import fi.arki.shared.TenantId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The idea pipeline of the tenant bound to the transaction. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class Ideas {

    private final DSLContext db;

    Ideas(DSLContext db) {
        this.db = db;
    }

    /**
     * True if the idea was new. A repeated insert of the same id does nothing, and so does a second
     * idea of the same team from the same answer (two people escalating it at once).
     */
    public boolean insert(TenantId tenant, IdeaDraft idea, @Nullable PersonId escalatedBy) {
        return db.insertInto(IDEA)
                .set(IDEA.TENANT_ID, tenant.value())
                .set(IDEA.ID, idea.id().value())
                .set(IDEA.TEAM_ID, idea.team().value())
                .set(IDEA.SESSION_ID, idea.sessionId())
                .set(IDEA.ANSWER_ID, idea.answerId())
                .set(IDEA.TEXT, idea.text())
                .set(IDEA.ESCALATED_BY, escalatedBy == null ? null : escalatedBy.value())
                .onConflictDoNothing()
                .execute() == 1;
    }

    public Optional<Idea> find(IdeaId id) {
        return db.selectFrom(IDEA).where(IDEA.ID.eq(id.value())).fetchOptional(Ideas::toIdea);
    }

    /** The team's idea from an answer, if the team has escalated it. */
    public Optional<Idea> fromAnswer(TeamId team, UUID answer) {
        return db.selectFrom(IDEA).where(IDEA.TEAM_ID.eq(team.value())).and(IDEA.ANSWER_ID.eq(answer)).fetchOptional(Ideas::toIdea);
    }

    /** The teams' ideas, newest first. */
    public List<Idea> of(Collection<TeamId> teams) {
        return db.selectFrom(IDEA).where(IDEA.TEAM_ID.in(teams.stream().map(TeamId::value).toList()))
                .orderBy(IDEA.ESCALATED_AT.desc(), IDEA.ID)
                .fetch(Ideas::toIdea);
    }

    /** The ideas escalated from a session (while the session exists), oldest first. */
    public List<Idea> fromSession(UUID session) {
        return db.selectFrom(IDEA).where(IDEA.SESSION_ID.eq(session))
                .orderBy(IDEA.ESCALATED_AT, IDEA.ID)
                .fetch(Ideas::toIdea);
    }

    /** Every idea of the tenant, newest first. */
    public List<Idea> all() {
        return db.selectFrom(IDEA).orderBy(IDEA.ESCALATED_AT.desc(), IDEA.ID).fetch(Ideas::toIdea);
    }

    /** Sets the status and the organisation's answer; true if the idea was found. */
    public boolean respond(IdeaId id, IdeaStatus status, @Nullable String response) {
        return db.update(IDEA)
                .set(IDEA.STATUS, status.code())
                .set(IDEA.RESPONSE, response)
                .set(IDEA.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(IDEA.ID.eq(id.value()))
                .execute() == 1;
    }

    public boolean delete(IdeaId id) {
        return db.deleteFrom(IDEA).where(IDEA.ID.eq(id.value())).execute() == 1;
    }

    /** How many ideas are in each status (every status present, zero if none). */
    public Map<IdeaStatus, Integer> countsByStatus() {
        Map<IdeaStatus, Integer> counts = new EnumMap<>(IdeaStatus.class);
        for (IdeaStatus s : IdeaStatus.values()) {
            counts.put(s, 0);
        }
        db.select(IDEA.STATUS, DSL.count()).from(IDEA).groupBy(IDEA.STATUS)
                .forEach(r -> counts.put(IdeaStatus.ofCode(r.value1()), r.value2()));
        return counts;
    }

    private static Idea toIdea(IdeaRecord r) {
        return new Idea(new IdeaId(r.getId()), new TeamId(r.getTeamId()), r.getSessionId(), r.getAnswerId(), r.getText(),
                IdeaStatus.ofCode(r.getStatus()), r.getResponse(), r.getEscalatedAt().toInstant(), r.getUpdatedAt().toInstant());
    }
}
