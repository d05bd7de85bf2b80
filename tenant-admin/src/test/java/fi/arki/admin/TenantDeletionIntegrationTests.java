package fi.arki.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.arki.audit.AuditAction;
import fi.arki.audit.AuditEntry;
import fi.arki.audit.AuditManagement;
import fi.arki.directory.Role;
import fi.arki.identity.AccountManagement;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantManagement;
import fi.arki.tenancy.internal.TenantRows;
import fi.arki.testing.Actors;
import fi.arki.testing.ArkiIntegrationTest;
import fi.arki.testing.TestDatabase;
import fi.arki.testing.TestDeckCatalog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;

/**
 * T-23, tenant deletion: after the platform administrator confirms with the tenant's short name, a
 * catalog-wide query finds no row of the tenant in any table that has a {@code tenant_id} or a
 * column pointing at the tenant catalogue — and every column that names a tenant is one of those
 * or a documented exception, so a table added later cannot be forgotten. Accounts that belonged to
 * the tenant only go too; the other tenant loses nothing; the audit log records the deletion (and
 * keeps its entries, which hold no one's words).
 */
@ArkiIntegrationTest
@Import(TestDeckCatalog.Config.class)
class TenantDeletionIntegrationTests {

    @Autowired ApplicationContext context;
    @Autowired TenantLifecycleManagement lifecycle;
    @Autowired TenantManagement tenants;
    @Autowired AccountManagement accounts;
    @Autowired AuditManagement audit;

    FullTenant full;

    @BeforeEach
    void seed() {
        full = FullTenant.seed(context);
        Actors.signInAsPlatformAdmin();
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    @Test
    void a_deleted_tenant_leaves_no_row_in_any_table_and_its_accounts_without_another_tenant_go_too() throws SQLException {
        TenantId id = full.tenant().id();
        assertThat(rowsOf(id)).as("the tenant had rows in these tables before").containsKeys("unit", "team", "person", "person_role",
                "team_member", "tenant_settings", "tenant_deck", "tenant_deck_image", "deck_enablement", "deck_setting", "live_session",
                "session_team", "session_facilitator", "session_step", "participant", "answer", "answer_group", "answer_grouping",
                "vote", "rating", "touchpoint", "development_target", "target_review", "idea", "account_tenant.member_of_tenant_id",
                "join_code.session_tenant_id", "tenant_organization.linked_tenant_id", "tenant.id");
        Map<String, Long> otherBefore = rowsOf(full.other().id());

        DeletionReport report = lifecycle.delete(id, full.tenant().slug());

        assertThat(rowsOf(id)).as("rows of the deleted tenant, in every table that can hold one").isEmpty();
        assertThat(rowsOf(full.other().id())).as("the other tenant keeps everything").isEqualTo(otherBefore);
        assertThat(report.accountsDeleted()).isEqualTo(1);
        assertThat(report.deletedRows()).containsEntry("answer", 12).containsEntry("tenant", 1);
        Actors.asSystem(() -> {
            assertThat(accounts.find(full.onlyHere().id())).as("an account of this tenant only").isEmpty();
            assertThat(accounts.find(full.alsoElsewhere().id())).as("an account with another tenant").isPresent();
            assertThat(accounts.memberships(full.alsoElsewhere().id())).extracting(m -> m.tenant().id()).containsExactly(full.other().id());
        });
        assertThat(tenants.findBySlug(full.tenant().slug())).isEmpty();

        List<AuditEntry> entries = audit.platformEntries(1000);
        assertThat(entries).filteredOn(e -> e.action().equals(AuditAction.DELETED) && "tenant".equals(e.objectType()))
                .singleElement().satisfies(e -> {
                    assertThat(e.tenant()).isEqualTo(id);
                    assertThat(e.detail()).containsEntry("slug", full.tenant().slug()).containsEntry("accountsDeleted", "1");
                });
        assertThat(entries).filteredOn(e -> e.action().equals(AuditAction.ACCOUNT_DELETED))
                .extracting(AuditEntry::objectId).contains(full.onlyHere().id().toString());
        assertThat(entries).as("the audit log holds nobody's words").noneMatch(e -> e.toString().contains(full.marker()));
    }

    @Test
    void every_column_that_names_a_tenant_is_counted_or_a_documented_exception() throws SQLException {
        Set<String> counted = new TreeSet<>(referenceColumns());
        Set<String> named = new TreeSet<>();
        try (Connection c = TestDatabase.superuser().getConnection(); ResultSet rs = c.createStatement().executeQuery("""
                select c.relname || '.' || a.attname from pg_class c
                join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
                  and a.atttypid = 'uuid'::regtype and a.attname like '%tenant%'""")) {
            while (rs.next()) {
                named.add(rs.getString(1));
            }
        }
        named.removeIf(column -> column.endsWith(".tenant_id"));
        named.removeAll(counted);
        assertThat(named).as("""
                Columns that name a tenant but have no foreign key to the tenant catalogue: a tenant's deletion \
                would not find them. Add the foreign key, or document the exception in TenantRows.KEPT_ON_DELETION""")
                .isSubsetOf(TenantRows.KEPT_ON_DELETION.keySet());
        assertThat(counted).contains("account_tenant.member_of_tenant_id", "join_code.session_tenant_id",
                "tenant_organization.linked_tenant_id");
    }

    @Test
    void a_wrong_confirmation_or_a_tenant_administrator_deletes_nothing() throws SQLException {
        Map<String, Long> before = rowsOf(full.tenant().id());
        assertThatThrownBy(() -> lifecycle.delete(full.tenant().id(), full.tenant().name()))
                .isInstanceOf(InvalidInputException.class).extracting("messageKey").isEqualTo("lifecycle.delete.error.confirmation");
        assertThatThrownBy(() -> lifecycle.delete(full.tenant().id(), null)).isInstanceOf(InvalidInputException.class);
        Actors.signIn(full.tenant().id(), full.tenant().name(), Role.TENANT_ADMIN);
        assertThatThrownBy(() -> lifecycle.delete(full.tenant().id(), full.tenant().slug())).isInstanceOf(AccessDeniedException.class);
        assertThat(rowsOf(full.tenant().id())).isEqualTo(before);
    }

    @Test
    void a_table_no_module_deletes_stops_the_deletion_and_nothing_changes() throws SQLException {
        try (Connection c = TestDatabase.superuser().getConnection()) {
            c.createStatement().execute("""
                    create table deletion_scratch (tenant_id uuid not null references tenant (id), id uuid not null,
                                                   primary key (tenant_id, id));
                    call arki_isolate_by_tenant('deletion_scratch');
                    grant select, insert, update, delete on deletion_scratch to arki_app;
                    create table deletion_scratch_link (code text primary key, linked_tenant uuid references tenant (id));
                    grant select, insert, update, delete on deletion_scratch_link to arki_app""");
            try (PreparedStatement insert = c.prepareStatement("insert into deletion_scratch values (?, ?)")) {
                insert.setObject(1, full.tenant().id().value());
                insert.setObject(2, UUID.randomUUID());
                insert.executeUpdate();
            }
        }
        try {
            Map<String, Long> before = rowsOf(full.tenant().id());
            assertThatThrownBy(() -> lifecycle.delete(full.tenant().id(), full.tenant().slug()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("deletion_scratch")
                    .hasMessageContaining("TenantDataParticipant");
            assertThat(rowsOf(full.tenant().id())).isEqualTo(before);

            try (Connection c = TestDatabase.superuser().getConnection()) {
                c.createStatement().execute("delete from deletion_scratch");
                try (PreparedStatement insert = c.prepareStatement("insert into deletion_scratch_link values ('x', ?)")) {
                    insert.setObject(1, full.tenant().id().value());
                    insert.executeUpdate();
                }
            }
            assertThatThrownBy(() -> lifecycle.delete(full.tenant().id(), full.tenant().slug()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("deletion_scratch_link.linked_tenant");
            assertThat(tenants.findBySlug(full.tenant().slug())).isPresent();
        } finally {
            try (Connection c = TestDatabase.superuser().getConnection()) {
                c.createStatement().execute("drop table deletion_scratch; drop table deletion_scratch_link");
            }
        }
    }

    /** Every platform column with a foreign key to the tenant catalogue ({@code table.column}), tenant_id columns aside. */
    static List<String> referenceColumns() throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection c = TestDatabase.superuser().getConnection(); ResultSet rs = c.createStatement().executeQuery("""
                select c.conrelid::regclass::text || '.' || a.attname from pg_constraint c
                join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
                where c.contype = 'f' and c.confrelid = 'public.tenant'::regclass and a.attname <> 'tenant_id'""")) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        }
        return columns;
    }

    /**
     * Rows of the tenant in every table with a {@code tenant_id} column and in every column with a
     * foreign key to the tenant catalogue (plus its own catalogue row), read from the catalog and
     * counted as the superuser, past row level security.
     */
    static Map<String, Long> rowsOf(TenantId tenant) throws SQLException {
        Map<String, Long> rows = new TreeMap<>(TenantMergeIntegrationTests.rowsPerTable(tenant));
        rows.remove("account_tenant");
        List<String> columns = new ArrayList<>(referenceColumns());
        columns.add("tenant.id");
        try (Connection c = TestDatabase.superuser().getConnection()) {
            for (String column : columns) {
                String[] parts = column.split("\\.");
                try (PreparedStatement count = c.prepareStatement(
                        "select count(*) from \"" + parts[0] + "\" where \"" + parts[1] + "\" = ?")) {
                    count.setObject(1, tenant.value());
                    try (ResultSet rs = count.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            rows.put(column, rs.getLong(1));
                        }
                    }
                }
            }
        }
        return rows;
    }
}
