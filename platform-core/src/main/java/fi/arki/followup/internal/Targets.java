package fi.arki.followup.internal;

import static fi.arki.followup.internal.db.Tables.DEVELOPMENT_TARGET;
import static fi.arki.followup.internal.db.Tables.TARGET_REVIEW;

import fi.arki.directory.PersonId;
import fi.arki.directory.TeamId;
import fi.arki.followup.DevelopmentTarget;
import fi.arki.followup.ReviewOutcome;
import fi.arki.followup.TargetDraft;
import fi.arki.followup.TargetId;
import fi.arki.followup.TargetReview;
import fi.arki.followup.TargetStatus;
import fi.arki.followup.internal.db.tables.records.DevelopmentTargetRecord;
import fi.arki.shared.TenantId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Development targets and their reviews, of the tenant bound to the transaction. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class Targets {

    private final DSLContext db;

    Targets(DSLContext db) {
        this.db = db;
    }

    /** True if the target was new; a repeated insert of the same id does nothing. */
    public boolean insert(TenantId tenant, TargetDraft t) {
        return db.insertInto(DEVELOPMENT_TARGET)
                .set(DEVELOPMENT_TARGET.TENANT_ID, tenant.value())
                .set(DEVELOPMENT_TARGET.ID, t.id().value())
                .set(DEVELOPMENT_TARGET.TEAM_ID, t.team().value())
                .set(DEVELOPMENT_TARGET.SESSION_ID, t.sessionId())
                .set(DEVELOPMENT_TARGET.TITLE, t.title())
                .set(DEVELOPMENT_TARGET.OWNER_PERSON_ID, t.ownerPerson() == null ? null : t.ownerPerson().value())
                .set(DEVELOPMENT_TARGET.OWNER_NAME, t.ownerName())
                .set(DEVELOPMENT_TARGET.DUE_DATE, t.due())
                .set(DEVELOPMENT_TARGET.DIMENSION, t.dimension())
                .onConflictDoNothing()
                .execute() == 1;
    }

    public Optional<DevelopmentTarget> find(TargetId id) {
        return db.selectFrom(DEVELOPMENT_TARGET).where(DEVELOPMENT_TARGET.ID.eq(id.value())).fetchOptional(Targets::toTarget);
    }

    public List<DevelopmentTarget> openOf(Collection<TeamId> teams) {
        return db.selectFrom(DEVELOPMENT_TARGET)
                .where(DEVELOPMENT_TARGET.TEAM_ID.in(teams.stream().map(TeamId::value).toList()))
                .and(DEVELOPMENT_TARGET.STATUS.eq(TargetStatus.OPEN.code()))
                .orderBy(DEVELOPMENT_TARGET.DUE_DATE, DEVELOPMENT_TARGET.CREATED_AT, DEVELOPMENT_TARGET.ID)
                .fetch(Targets::toTarget);
    }

    public List<DevelopmentTarget> of(TeamId team) {
        return db.selectFrom(DEVELOPMENT_TARGET).where(DEVELOPMENT_TARGET.TEAM_ID.eq(team.value()))
                .orderBy(DEVELOPMENT_TARGET.CREATED_AT.desc(), DEVELOPMENT_TARGET.ID)
                .fetch(Targets::toTarget);
    }

    public List<DevelopmentTarget> committedIn(UUID sessionId) {
        return db.selectFrom(DEVELOPMENT_TARGET).where(DEVELOPMENT_TARGET.SESSION_ID.eq(sessionId))
                .orderBy(DEVELOPMENT_TARGET.CREATED_AT, DEVELOPMENT_TARGET.ID)
                .fetch(Targets::toTarget);
    }

    public void review(TenantId tenant, TargetId target, UUID sessionId, String outcome, String note, String status) {
        db.insertInto(TARGET_REVIEW)
                .set(TARGET_REVIEW.TENANT_ID, tenant.value())
                .set(TARGET_REVIEW.TARGET_ID, target.value())
                .set(TARGET_REVIEW.SESSION_ID, sessionId)
                .set(TARGET_REVIEW.OUTCOME, outcome)
                .set(TARGET_REVIEW.NOTE, note)
                .onConflict(TARGET_REVIEW.TENANT_ID, TARGET_REVIEW.TARGET_ID, TARGET_REVIEW.SESSION_ID)
                .doUpdate()
                .set(TARGET_REVIEW.OUTCOME, outcome)
                .set(TARGET_REVIEW.NOTE, note)
                .set(TARGET_REVIEW.REVIEWED_AT, DSL.currentOffsetDateTime())
                .execute();
        db.update(DEVELOPMENT_TARGET)
                .set(DEVELOPMENT_TARGET.STATUS, status)
                .set(DEVELOPMENT_TARGET.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(DEVELOPMENT_TARGET.ID.eq(target.value()))
                .execute();
    }

    public List<TargetReview> reviewsIn(UUID sessionId) {
        return db.selectFrom(TARGET_REVIEW).where(TARGET_REVIEW.SESSION_ID.eq(sessionId))
                .orderBy(TARGET_REVIEW.REVIEWED_AT, TARGET_REVIEW.TARGET_ID)
                .fetch(r -> new TargetReview(new TargetId(r.getTargetId()), r.getSessionId(),
                        ReviewOutcome.ofCode(r.getOutcome()), r.getNote(), r.getReviewedAt().toInstant()));
    }

    private static DevelopmentTarget toTarget(DevelopmentTargetRecord r) {
        return new DevelopmentTarget(new TargetId(r.getId()), new TeamId(r.getTeamId()), r.getSessionId(), r.getTitle(),
                r.getOwnerPersonId() == null ? null : new PersonId(r.getOwnerPersonId()), r.getOwnerName(),
                r.getDueDate(), r.getDimension(), TargetStatus.ofCode(r.getStatus()), r.getCreatedAt().toInstant());
    }
}
