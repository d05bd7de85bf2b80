package fi.arki.tenancy.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts the rows the bound tenant has in every tenant-owned table, read from the catalog, so a
 * check covers tables that modules add later without anyone listing them here.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class TenantRows {

    private final DSLContext db;

    TenantRows(DSLContext db) {
        this.db = db;
    }

    /** Table → rows of the bound tenant, for every table that has any. */
    public Map<String, Long> nonEmptyTables() {
        List<String> tables = db.fetch("""
                select c.relname from pg_class c
                join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
                where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
                order by c.relname""").getValues(0, String.class);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : tables) {
            long rows = db.fetchCount(DSL.table(DSL.name(table)));
            if (rows > 0) {
                counts.put(table, rows);
            }
        }
        return counts;
    }
}
