package fi.arki.admin;

import fi.arki.admin.internal.MergeOrder;
import fi.arki.audit.AuditAction;
import fi.arki.audit.AuditEvent;
import fi.arki.audit.AuditManagement;
import fi.arki.audit.AuditOutcome;
import fi.arki.identity.Account;
import fi.arki.identity.AccountManagement;
import fi.arki.shared.AccessRoles;
import fi.arki.shared.AccountId;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantDataParticipant;
import fi.arki.tenancy.TenantExport;
import fi.arki.tenancy.TenantExport.AccountEntry;
import fi.arki.tenancy.TenantExport.ExportSummary;
import fi.arki.tenancy.TenantManagement;
import fi.arki.tenancy.TenantRestore;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A tenant's data, whole and machine-readable: its administrators export it (GDPR art. 15 and 20
 * for the organisation as controller; docs/data-lifecycle.md describes the file), and the platform
 * administrator exports any tenant and restores an export as a new tenant — in this installation
 * or another. Every export and restore is audited; the file itself streams from the database to
 * the caller and is never stored.
 */
@Service
public class TenantExportManagement {

    private final TenantManagement tenants;
    private final AccountManagement accounts;
    private final AuditManagement audit;
    private final List<TenantDataParticipant> participants;
    private final TransactionTemplate snapshot;
    private final TransactionTemplate write;
    private final long importMaxBytes;

    TenantExportManagement(TenantManagement tenants, AccountManagement accounts, AuditManagement audit,
                           List<TenantDataParticipant> participants, PlatformTransactionManager transactions,
                           @Value("${arki.lifecycle.import-max-bytes:1073741824}") long importMaxBytes) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.audit = audit;
        this.participants = MergeOrder.ofData(participants);
        this.snapshot = new TransactionTemplate(transactions);
        // every table read at the same instant, nothing written
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.write = new TransactionTemplate(transactions);
        this.importMaxBytes = importMaxBytes;
    }

    /** Writes the export of the tenant the caller administers to {@code out} (a zip; the caller closes the stream). */
    @RolesAllowed(AccessRoles.TENANT_ADMIN)
    public ExportSummary exportOwnTenant(OutputStream out) {
        return export(TenantContext.require(), tenants::beginOwnExport, out);
    }

    /** Writes the export of any tenant to {@code out}. */
    @RolesAllowed(AccessRoles.PLATFORM_ADMIN)
    public ExportSummary exportTenant(TenantId tenant, OutputStream out) {
        return export(tenant, o -> tenants.beginExport(tenant, o), out);
    }

    private ExportSummary export(TenantId tenant, Function<OutputStream, TenantExport> begin, OutputStream out) {
        try {
            ExportSummary summary = snapshot.execute(status -> {
                TenantExport export = begin.apply(out);
                export.asTenant(() -> {
                    for (TenantDataParticipant participant : participants) {
                        export.module(participant.name());
                        participant.export(export);
                    }
                });
                // within the tenant's binding: a tenant administrator sees the accounts of the tenant's people only (T-03)
                List<AccountEntry> entries = export.asTenant(() -> export.accounts().stream()
                        .map(id -> accounts.find(new AccountId(id))).flatMap(Optional::stream)
                        .map(TenantExportManagement::entry).toList());
                return export.finish(entries);
            });
            record(tenant, AuditEvent.of(AuditAction.EXPORT_CREATED, "tenant", tenant)
                    .with("tables", summary.tables()).with("rows", summary.rows()));
            return summary;
        } catch (RuntimeException e) {
            if (!(e instanceof InvalidInputException)) {
                record(tenant, AuditEvent.of(AuditAction.EXPORT_CREATED, "tenant", tenant).outcome(AuditOutcome.FAILURE)
                        .with("error", e.getClass().getSimpleName()));
            }
            throw e;
        }
    }

    /**
     * Restores an export (a zip file, as {@link #exportTenant} writes it) as a new tenant with this
     * short name and name, in one transaction: all of it or, if anything in it is refused, nothing.
     * Rows keep their ids; accounts are found by issuer and subject or made (see
     * {@link AccountManagement#restoreAccount}).
     */
    @RolesAllowed(AccessRoles.PLATFORM_ADMIN)
    public ImportReport importTenant(Path archive, String slug, String name) {
        try {
            return write.execute(status -> {
                try (TenantRestore restore = tenants.beginRestore(archive, TenantId.random(), slug, name, importMaxBytes)) {
                    for (AccountEntry entry : restore.accounts()) {
                        restore.account(entry.id(), accounts.restoreAccount(entry).value());
                    }
                    restore.asTenant(() -> {
                        for (TenantDataParticipant participant : participants) {
                            participant.restore(restore);
                        }
                    });
                    tenants.completeRestore(restore);
                    ImportReport report = new ImportReport(restore.tenant(), restore.restoredRows());
                    TenantContext.runAs(report.tenant().id(), () -> audit.record(AuditEvent.of(AuditAction.IMPORTED, "tenant", report.tenant().id())
                            .with("rows", report.rows()).with("accounts", restore.accounts().size())));
                    return report;
                }
            });
        } catch (DataAccessException e) {
            // a row the database refused (a foreign key, a check): the message would quote the row, so it is not passed on
            throw new InvalidInputException("lifecycle.import.error.rejected");
        }
    }

    private void record(TenantId tenant, AuditEvent event) {
        TenantContext.runAs(tenant, () -> write.executeWithoutResult(status -> audit.record(event)));
    }

    private static AccountEntry entry(Account account) {
        return new AccountEntry(account.id().value(), account.issuer(), account.subject(), account.displayName(), account.email(),
                account.preferredLanguage() == null ? null : account.preferredLanguage().tag());
    }
}
