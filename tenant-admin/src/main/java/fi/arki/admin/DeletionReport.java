package fi.arki.admin;

import fi.arki.tenancy.Tenant;
import java.util.Map;

/** What deleting a tenant removed: rows per table, and the accounts that belonged to no other tenant. */
public record DeletionReport(Tenant tenant, Map<String, Integer> deletedRows, int accountsDeleted) {

    public DeletionReport {
        deletedRows = Map.copyOf(deletedRows);
    }

    public int rows() {
        return deletedRows.values().stream().mapToInt(Integer::intValue).sum();
    }
}
