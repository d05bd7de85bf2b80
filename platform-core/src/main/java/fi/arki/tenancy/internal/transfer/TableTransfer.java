package fi.arki.tenancy.internal.transfer;

import fi.arki.tenancy.TenantExport;
import fi.arki.tenancy.TenantExport.Column;
import fi.arki.tenancy.TenantExport.TableFile;
import fi.arki.tenancy.TenantRestore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;

/**
 * One table's part in a tenant export and its restore, for the module that owns the table: every
 * row the transaction's tenant binding shows, in primary key order, without {@code tenant_id} (a
 * restore writes the new tenant's), without the columns named {@linkplain #omit omitted} (internal
 * change stamps and secrets: a restore leaves them to their defaults or to {@link #onRestore}), and
 * with the platform accounts it names {@linkplain #accounts noted} for {@code accounts.json} and
 * translated on the way back.
 *
 * <pre>{@code TableTransfer.of(db, PERSON).accounts(PERSON.ACCOUNT_ID).export(export);}</pre>
 */
public final class TableTransfer<R extends TableRecord<R>> {

    private static final int BATCH = 500;

    private final DSLContext db;
    private final Table<R> table;
    private final Set<Field<?>> omitted = new LinkedHashSet<>();
    private final Set<Field<UUID>> accounts = new LinkedHashSet<>();
    private Condition where = DSL.noCondition();
    private boolean restorable = true;
    private Consumer<R> onRestore = r -> { };

    private TableTransfer(DSLContext db, Table<R> table) {
        this.db = db;
        this.table = table;
        Field<?> tenant = table.field("tenant_id");
        if (tenant != null) {
            omitted.add(tenant);
        }
    }

    public static <R extends TableRecord<R>> TableTransfer<R> of(DSLContext db, Table<R> table) {
        return new TableTransfer<>(db, table);
    }

    /** Leaves columns out of the export (a restore fills them with their defaults or in {@link #onRestore}). */
    public TableTransfer<R> omit(Field<?>... fields) {
        omitted.addAll(Arrays.asList(fields));
        return this;
    }

    /** Columns that hold platform account ids. */
    @SafeVarargs
    public final TableTransfer<R> accounts(Field<UUID>... fields) {
        accounts.addAll(Arrays.asList(fields));
        return this;
    }

    /** Exports only these rows (for a platform table, whose rows are not limited by the tenant binding). */
    public TableTransfer<R> where(Condition condition) {
        where = condition;
        return this;
    }

    /** Marks the file as one a restore leaves out. */
    public TableTransfer<R> exportOnly() {
        restorable = false;
        return this;
    }

    /** Adjusts each row before a restore inserts it (fills an omitted column, for one). */
    public TableTransfer<R> onRestore(Consumer<R> adjust) {
        onRestore = adjust;
        return this;
    }

    /** Writes the table's file; returns its rows. */
    public long export(TenantExport export) {
        List<Field<?>> columns = columns();
        List<Column> described = columns.stream().map(f -> new Column(f.getName(), f.getDataType().getTypeName(db.configuration()))).toList();
        long rows = 0;
        try (TableFile file = export.table(table.getName(), described, restorable);
             Cursor<Record> cursor = db.select(columns).from(table).where(where).orderBy(primaryKeyOrder()).fetchSize(BATCH).fetchLazy()) {
            for (Record record : cursor) {
                Object[] values = new Object[columns.size()];
                for (int i = 0; i < values.length; i++) {
                    Object value = record.get(i);
                    if (accounts.contains(columns.get(i))) {
                        value = export.account((UUID) value);
                    }
                    values[i] = value instanceof JSONB json ? new TenantExport.Json(json.data()) : value;
                }
                file.row(values);
                rows++;
            }
        }
        return rows;
    }

    /** Inserts the rows of the table's file into the tenant the restore is bound to; returns how many. */
    public int restore(TenantRestore restore) {
        List<R> batch = new ArrayList<>();
        int[] count = {0};
        Field<?> tenant = table.field("tenant_id");
        restore.rows(table.getName(), row -> {
            R record = db.newRecord(table);
            for (String column : row.columns()) {
                Field<?> field = table.field(column);
                if (field == null || omitted.contains(field)) {
                    throw new fi.arki.shared.InvalidInputException("lifecycle.import.error.malformed", table.getName());
                }
                set(record, field, value(restore, row, field));
            }
            if (tenant != null) {
                set(record, tenant, restore.tenant().id().value());
            }
            onRestore.accept(record);
            batch.add(record);
            count[0]++;
            if (batch.size() == BATCH) {
                flush(batch);
            }
        });
        flush(batch);
        restore.restored(table.getName(), count[0]);
        return count[0];
    }

    private Object value(TenantRestore restore, TenantRestore.Row row, Field<?> field) {
        if (field.getType() == JSONB.class) {
            TenantExport.Json json = row.get(field.getName(), TenantExport.Json.class);
            return json == null ? null : JSONB.valueOf(json.text());
        }
        Object value = row.get(field.getName(), field.getType());
        if (value != null && accounts.contains(field)) {
            return restore.account((UUID) value);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static <T> void set(TableRecord<?> record, Field<T> field, Object value) {
        record.set(field, (T) value);
    }

    private void flush(List<R> batch) {
        if (!batch.isEmpty()) {
            // each record inserts the columns it was given (the others take their defaults); jOOQ groups equal statements into JDBC batches
            db.batchInsert(batch).execute();
            batch.clear();
        }
    }

    private List<Field<?>> columns() {
        return Arrays.stream(table.fields()).filter(f -> !omitted.contains(f)).toList();
    }

    private List<SortField<?>> primaryKeyOrder() {
        var key = table.getPrimaryKey();
        if (key == null) {
            throw new IllegalStateException(table.getName() + " has no primary key to order its export by");
        }
        return key.getFields().stream().<SortField<?>>map(Field::asc).toList();
    }
}
