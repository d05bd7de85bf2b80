package fi.arki.followup.internal;

import static fi.arki.followup.internal.db.Tables.DEVELOPMENT_TARGET;
import static fi.arki.followup.internal.db.Tables.IDEA;
import static fi.arki.followup.internal.db.Tables.TARGET_REVIEW;

import fi.arki.tenancy.TenantDataParticipant;
import fi.arki.tenancy.TenantDeletion;
import fi.arki.tenancy.TenantExport;
import fi.arki.tenancy.TenantRestore;
import fi.arki.tenancy.internal.transfer.TableTransfer;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Development targets, their reviews and the idea pipeline in a tenant's export, restore and deletion. */
@Component
class FollowupData implements TenantDataParticipant {

    private final DSLContext db;

    FollowupData(DSLContext db) {
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
    }

    /** The module's tables, parents first: exported and restored in this order (one list, so the two cannot drift). */
    private List<TableTransfer<?>> tables() {
        return List.of(
                TableTransfer.of(db, DEVELOPMENT_TARGET),
                TableTransfer.of(db, TARGET_REVIEW),
                TableTransfer.of(db, IDEA));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void delete(TenantDeletion deletion) {
        deletion.deleted("idea", db.deleteFrom(IDEA).execute());
        deletion.deleted("target_review", db.deleteFrom(TARGET_REVIEW).execute());
        deletion.deleted("development_target", db.deleteFrom(DEVELOPMENT_TARGET).execute());
    }
}
