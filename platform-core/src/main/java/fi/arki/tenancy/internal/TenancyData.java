package fi.arki.tenancy.internal;

import static fi.arki.tenancy.internal.db.Tables.TENANT_SETTINGS;

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
 * The tenant's settings in its export, restore and deletion. The catalogue entry and the Keycloak
 * organizations are the tenant itself: the manifest describes them, a restore makes a new entry,
 * and {@code TenantManagement.completeDeletion} removes them last.
 */
@Component
class TenancyData implements TenantDataParticipant {

    private final DSLContext db;

    TenancyData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "tenancy";
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void export(TenantExport export) {
        TableTransfer.of(db, TENANT_SETTINGS).export(export);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void restore(TenantRestore restore) {
        TableTransfer.of(db, TENANT_SETTINGS).restore(restore);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void delete(TenantDeletion deletion) {
        deletion.deleted("tenant_settings", db.deleteFrom(TENANT_SETTINGS).execute());
    }
}
