package fi.arki.tenancy;

import fi.arki.shared.TenantId;
import fi.arki.tenancy.internal.ImportArchive;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A tenant export being restored into a new, empty tenant, handed to every
 * {@link TenantDataParticipant}. Rows keep their ids (they are unique within a tenant, and the
 * tenant is new); accounts are found again by issuer and subject, or created, so an account may
 * have another id here: {@link #account} translates.
 */
public final class TenantRestore implements AutoCloseable {

    private final Tenant tenant;
    private final ImportArchive archive;
    private final Map<UUID, UUID> accounts = new HashMap<>();
    private final Map<String, Integer> restored = new HashMap<>();

    private final Consumer<TenantId> rebind;

    TenantRestore(Tenant tenant, ImportArchive archive, Consumer<TenantId> rebind) {
        this.tenant = tenant;
        this.archive = archive;
        this.rebind = rebind;
    }

    /** Runs with the transaction and {@link TenantContext} bound to the tenant. */
    public <T> T asTenant(Supplier<T> work) {
        return Rebound.call(tenant.id(), rebind, work);
    }

    public void asTenant(Runnable work) {
        Rebound.run(tenant.id(), rebind, work);
    }

    /** The new tenant the rows go to. */
    public Tenant tenant() {
        return tenant;
    }

    /** The accounts the export refers to, as exported. */
    public List<TenantExport.AccountEntry> accounts() {
        return archive.accounts();
    }

    /** Records that the exported account {@code exported} is {@code here} in this installation. */
    public void account(UUID exported, UUID here) {
        accounts.put(exported, here);
    }

    /** The account an exported account id stands for here, or null if the export did not list it. */
    public @Nullable UUID account(@Nullable UUID exported) {
        return exported == null ? null : accounts.get(exported);
    }

    /** Whether the export has a file for this table. */
    public boolean has(String table) {
        return archive.has(table);
    }

    /** Reads the rows of one table's file, one at a time; an export without the file has none. */
    public void rows(String table, Consumer<Row> each) {
        archive.rows(table, each);
    }

    /** Counts restored rows, for the report. */
    public void restored(String table, int rows) {
        restored.merge(table, rows, Integer::sum);
    }

    public Map<String, Integer> restoredRows() {
        return Map.copyOf(restored);
    }

    /** Table files the export marks restorable that no participant has read (a newer or a foreign export). */
    public Set<String> unread() {
        return archive.unread();
    }

    /** Closes the export's file (the caller removes it). */
    @Override
    public void close() {
        archive.close();
    }

    /** One exported row: its columns' values, converted to the Java types a participant asks for. */
    public interface Row {

        Set<String> columns();

        /** The value as {@code type} (see {@link TenantExport#table} for the types); null if absent or null. */
        <T> @Nullable T get(String column, Class<T> type);
    }
}
