package fi.arki.admin;

import fi.arki.tenancy.Tenant;
import java.util.Map;

/** What a merge moved: rows per table, from the source tenant to the target. */
public record MergeReport(Tenant source, Tenant target, Map<String, Integer> movedRows) {

    public MergeReport {
        movedRows = Map.copyOf(movedRows);
    }
}
