package fi.arki.audit.internal;

import static fi.arki.audit.internal.db.Tables.AUDIT_LOG;

import fi.arki.tenancy.TenantDataParticipant;
import fi.arki.tenancy.TenantDeletion;
import fi.arki.tenancy.TenantExport;
import fi.arki.tenancy.TenantRestore;
import fi.arki.tenancy.internal.transfer.TableTransfer;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant's audit entries in its export — and nowhere else in its lifecycle. The audit log is a
 * record of what happened where it happened: a restore does not write it into another tenant
 * (the restore is itself audited there), and a deletion leaves it, since it is append-only and
 * outlives deleted tenants (docs/data-lifecycle.md explains why and for how long).
 */
@Component
class AuditData implements TenantDataParticipant {

    private final DSLContext db;

    AuditData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "audit";
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void export(TenantExport export) {
        TableTransfer.of(db, AUDIT_LOG).where(AUDIT_LOG.AUDIT_TENANT_ID.eq(export.tenant().id().value()))
                .omit(AUDIT_LOG.AUDIT_TENANT_ID).exportOnly().export(export);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void restore(TenantRestore restore) {
        // not restored: see the class comment
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void delete(TenantDeletion deletion) {
        // kept: see the class comment
    }
}
