package fi.arki.followup.internal;

import static fi.arki.followup.internal.db.Tables.DEVELOPMENT_TARGET;
import static fi.arki.followup.internal.db.Tables.IDEA;
import static fi.arki.followup.internal.db.Tables.TARGET_REVIEW;

import fi.arki.followup.internal.db.tables.records.DevelopmentTargetRecord;
import fi.arki.followup.internal.db.tables.records.IdeaRecord;
import fi.arki.followup.internal.db.tables.records.TargetReviewRecord;
import fi.arki.tenancy.TenantMerge;
import fi.arki.tenancy.TenantMergeParticipant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Moves a merged tenant's development targets, their reviews and its ideas, keeping ids; owners and escalators follow the directory's remapping. */
@Component
class FollowupMerge implements TenantMergeParticipant {

    private final DSLContext db;

    FollowupMerge(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "followup";
    }

    @Override
    public Set<String> after() {
        return Set.of("directory", "session");
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void copy(TenantMerge merge) {
        UUID target = merge.target().id().value();
        List<DevelopmentTargetRecord> targets = merge.asSource(() -> db.selectFrom(DEVELOPMENT_TARGET).fetch());
        List<TargetReviewRecord> reviews = merge.asSource(() -> db.selectFrom(TARGET_REVIEW).fetch());
        List<IdeaRecord> ideas = merge.asSource(() -> db.selectFrom(IDEA).fetch());
        merge.asTarget(() -> {
            for (DevelopmentTargetRecord t : targets) {
                t.setTenantId(target);
                if (t.getOwnerPersonId() != null) {
                    t.setOwnerPersonId(merge.resolve("person", t.getOwnerPersonId()));
                }
                t.changed(true);
                db.insertInto(DEVELOPMENT_TARGET).set(t).onConflictDoNothing().execute();
            }
            for (TargetReviewRecord r : reviews) {
                r.setTenantId(target);
                r.changed(true);
                db.insertInto(TARGET_REVIEW).set(r).onConflictDoNothing().execute();
            }
            for (IdeaRecord i : ideas) {
                i.setTenantId(target);
                if (i.getEscalatedBy() != null) {
                    i.setEscalatedBy(merge.resolve("person", i.getEscalatedBy()));
                }
                i.changed(true);
                db.insertInto(IDEA).set(i).onConflictDoNothing().execute();
            }
        });
        merge.moved("development_target", targets.size());
        merge.moved("target_review", reviews.size());
        merge.moved("idea", ideas.size());
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void deleteSource(TenantMerge merge) {
        merge.asSource(() -> {
            db.deleteFrom(IDEA).execute();
            db.deleteFrom(TARGET_REVIEW).execute();
            db.deleteFrom(DEVELOPMENT_TARGET).execute();
        });
    }
}
