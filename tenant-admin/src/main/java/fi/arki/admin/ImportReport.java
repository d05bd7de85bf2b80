package fi.arki.admin;

import fi.arki.tenancy.Tenant;
import java.util.Map;

/** What restoring a tenant export made: the new tenant and its rows per table. */
public record ImportReport(Tenant tenant, Map<String, Integer> restoredRows) {

    public ImportReport {
        restoredRows = Map.copyOf(restoredRows);
    }

    public int rows() {
        return restoredRows.values().stream().mapToInt(Integer::intValue).sum();
    }
}
