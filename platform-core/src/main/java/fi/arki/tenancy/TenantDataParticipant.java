package fi.arki.tenancy;

import java.util.Set;

/**
 * A module's part in a tenant's data lifecycle: every module that owns tenant-owned tables (or a
 * platform table that points at tenants) implements it, as a Spring bean in its {@code internal}
 * package, for its own tables — like {@link TenantMergeParticipant}. The tenant export, the restore
 * of an export into a new tenant, and the deletion of a tenant each run in one transaction bound to
 * the tenant (row level security shows the participant that tenant's rows and no other's; the
 * {@link TenantContext} is bound too).
 *
 * <p>Participants export and restore in dependency order (those named in {@link #after()} first)
 * and delete in the reverse order. A deletion ends with a catalog-wide count: any table with a
 * {@code tenant_id} column, or a foreign key to the tenant catalogue, that still holds a row of the
 * tenant stops the deletion and rolls everything back, naming the table — a table nobody deletes
 * can never be forgotten silently.
 */
public interface TenantDataParticipant {

    /** A short, unique name, e.g. {@code directory}. */
    String name();

    /** The participants whose rows this one's rows reference: they export and restore before, and delete after, it. */
    default Set<String> after() {
        return Set.of();
    }

    /** Writes every row the tenant has in this module's tables (one file per table, see {@link TenantExport}). */
    void export(TenantExport export);

    /** Writes this module's tables of an export into the (new, empty) tenant the restore is bound to. */
    void restore(TenantRestore restore);

    /** Deletes every row the tenant has in this module's tables, and its rows in platform tables that point at it. */
    void delete(TenantDeletion deletion);
}
