package fi.arki.tenancy;

import fi.arki.shared.AccountId;
import fi.arki.shared.TenantId;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One deletion of a tenant in progress, handed to every {@link TenantDataParticipant}: the
 * transaction is bound to the tenant, so a participant deletes its rows with plain deletes (row
 * level security keeps every other tenant's rows out of reach), and deletes its platform rows that
 * point at the tenant by the tenant's id.
 */
public final class TenantDeletion {

    private final Tenant tenant;
    private final Map<String, Integer> deleted = new HashMap<>();
    private final Set<AccountId> releasedAccounts = new LinkedHashSet<>();

    private final Consumer<TenantId> rebind;

    TenantDeletion(Tenant tenant, Consumer<TenantId> rebind) {
        this.tenant = tenant;
        this.rebind = rebind;
    }

    /** Runs with the transaction and {@link TenantContext} bound to the tenant. */
    public <T> T asTenant(Supplier<T> work) {
        return Rebound.call(tenant.id(), rebind, work);
    }

    public void asTenant(Runnable work) {
        Rebound.run(tenant.id(), rebind, work);
    }

    public Tenant tenant() {
        return tenant;
    }

    /** Counts deleted rows, for the report and the audit entry. */
    public void deleted(String table, int rows) {
        deleted.merge(table, rows, Integer::sum);
    }

    public Map<String, Integer> deletedRows() {
        return Map.copyOf(deleted);
    }

    /**
     * Notes accounts that were members of the tenant: once every participant has run, those that
     * belong to no other tenant (and are not platform administrators) are deleted too.
     */
    public void released(Collection<AccountId> accounts) {
        releasedAccounts.addAll(accounts);
    }

    public Set<AccountId> releasedAccounts() {
        return Collections.unmodifiableSet(releasedAccounts);
    }
}
