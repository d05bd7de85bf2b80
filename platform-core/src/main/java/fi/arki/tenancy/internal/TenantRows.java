package fi.arki.tenancy.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    /**
     * Platform columns that point at a tenant without a foreign key to the catalogue, kept when the
     * tenant is deleted on purpose (docs/data-lifecycle.md); every other such column needs a foreign
     * key, so that {@link #platformReferences} finds it.
     */
    public static final Map<String, String> KEPT_ON_DELETION = Map.of(
            "audit_log.audit_tenant_id", "the audit log is append-only and outlives deleted tenants; its entries hold no answer text");

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

    /**
     * {@code table.column} → rows that point at the tenant, for every column of a platform table
     * with a foreign key to the tenant catalogue (read from the catalog, so a table added later is
     * counted too) that has any. {@code tenant_id} columns are the row level security tables',
     * counted by {@link #nonEmptyTables} under the tenant's binding.
     */
    public Map<String, Long> platformReferences(UUID tenant) {
        var columns = db.fetch("""
                select c.conrelid::regclass::text, a.attname from pg_constraint c
                join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
                where c.contype = 'f' and c.confrelid = 'public.tenant'::regclass and cardinality(c.conkey) = 1
                  and a.attname <> 'tenant_id'
                order by 1, 2""");
        Map<String, Long> counts = new LinkedHashMap<>();
        for (var column : columns) {
            String table = column.get(0, String.class);
            String name = column.get(1, String.class);
            long rows = db.fetchCount(DSL.table(DSL.name(table)), DSL.field(DSL.name(name), UUID.class).eq(tenant));
            if (rows > 0) {
                counts.put(table + "." + name, rows);
            }
        }
        return counts;
    }
}
