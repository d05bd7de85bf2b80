package fi.arki.tenancy;

import fi.arki.shared.TenantId;
import java.util.Map;

/**
 * Published when a tenant and every row it had are gone. It carries the tenant's short name and
 * name (an organisation's, not a person's) so that the audit log still says which tenant its
 * earlier entries were about, and how many rows of which table went.
 */
public record TenantDeleted(TenantId tenantId, String slug, String name, Map<String, Integer> deletedRows, int accountsDeleted) {

    public TenantDeleted {
        deletedRows = Map.copyOf(deletedRows);
    }
}
