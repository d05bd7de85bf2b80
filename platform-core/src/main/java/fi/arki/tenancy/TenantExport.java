package fi.arki.tenancy;

import fi.arki.shared.TenantId;
import fi.arki.tenancy.internal.ExportArchive;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One export of a tenant's data in progress, handed to every {@link TenantDataParticipant}: a zip
 * with {@code manifest.json}, {@code accounts.json} and one JSON file per table
 * ({@code tables/<table>.json}, an array of objects, one per row, in primary key order). Rows carry
 * no {@code tenant_id} (every row is the tenant's) and no internal columns (change stamps, secrets).
 * The format is described in {@code docs/data-lifecycle.md}.
 */
public final class TenantExport {

    /** What {@code manifest.json} says the file is. */
    public static final String FORMAT = "arki-tenant-export";
    /** Raised when a change makes earlier exports unreadable as they are; a restore refuses other versions. */
    public static final int FORMAT_VERSION = 1;

    private final TenantOverview tenant;
    private final ExportArchive archive;
    private final Set<UUID> accounts = new TreeSet<>();
    private String module = "";

    private final Consumer<TenantId> rebind;

    TenantExport(TenantOverview tenant, ExportArchive archive, Consumer<TenantId> rebind) {
        this.tenant = tenant;
        this.archive = archive;
        this.rebind = rebind;
    }

    /** Runs with the transaction and {@link TenantContext} bound to the tenant. */
    public <T> T asTenant(Supplier<T> work) {
        return Rebound.call(tenant.tenant().id(), rebind, work);
    }

    public void asTenant(Runnable work) {
        Rebound.run(tenant.tenant().id(), rebind, work);
    }

    public Tenant tenant() {
        return tenant.tenant();
    }

    /**
     * Starts the file of one table. Write each row's values in the order of {@code columns} (Java
     * values: {@link String}, {@link UUID}, {@link Integer}, {@link Long}, {@link Boolean},
     * {@link OffsetDateTime}, {@link LocalDate}, {@code byte[]}, {@code String[]}, {@link Json}),
     * then close it. {@code restorable} is false for what a restore leaves out (the audit log).
     */
    public TableFile table(String table, List<Column> columns, boolean restorable) {
        return archive.table(module, table, columns, restorable);
    }

    /** Notes that the export refers to a platform account (written to {@code accounts.json}); returns the id. */
    public @Nullable UUID account(@Nullable UUID account) {
        if (account != null) {
            accounts.add(account);
        }
        return account;
    }

    /** Every account the export refers to, in id order. */
    public Set<UUID> accounts() {
        return Collections.unmodifiableSet(accounts);
    }

    /** Names the module whose files follow (for the manifest); the export's caller sets it per participant. */
    public void module(String name) {
        this.module = name;
    }

    /** Writes {@code accounts.json} and the manifest and ends the zip (the stream underneath stays open). */
    public ExportSummary finish(List<AccountEntry> accountEntries) {
        List<AccountEntry> sorted = new ArrayList<>(accountEntries);
        sorted.sort(java.util.Comparator.comparing(AccountEntry::id));
        return archive.finish(tenant, sorted);
    }

    /** A column of an exported table: its name and its PostgreSQL type. */
    public record Column(String name, String type) {
    }

    /** A JSON value stored as it is (a {@code jsonb} column). */
    public record Json(String text) {
    }

    /** A platform account the tenant's rows refer to: how to find (or create) it again in another installation. */
    public record AccountEntry(UUID id, String issuer, String subject, String displayName, @Nullable String email,
                               @Nullable String preferredLanguage) {
    }

    /** What an export held: rows per table file. */
    public record ExportSummary(int tables, long rows, java.util.Map<String, Long> rowsPerTable) {
    }

    /** The file of one table being written. */
    public interface TableFile extends AutoCloseable {

        void row(@Nullable Object... values);

        @Override
        void close();
    }
}
