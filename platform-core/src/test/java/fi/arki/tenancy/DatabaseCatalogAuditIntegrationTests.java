package fi.arki.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.testing.ArkiIntegrationTest;
import fi.arki.testing.DatabaseAudit;
import fi.arki.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * T-01, T-02 and T-09 over the migrated schema — and, for each rule, proof that the audit would
 * notice if a migration broke it: the schema is broken inside a transaction (PostgreSQL DDL is
 * transactional), audited, and rolled back.
 */
@ArkiIntegrationTest
class DatabaseCatalogAuditIntegrationTests {

    @Test
    void every_tenant_owned_table_is_isolated_and_every_other_table_is_allowlisted() throws SQLException {
        try (Connection c = TestDatabase.superuser().getConnection()) {
            assertThat(DatabaseAudit.rowLevelSecurity(c)).isEmpty();
        }
    }

    @Test
    void the_runtime_role_is_limited_and_only_the_backup_role_bypasses_rls() throws SQLException {
        try (Connection c = TestDatabase.superuser().getConnection()) {
            assertThat(DatabaseAudit.roles(c)).isEmpty();
        }
    }

    @Test
    void views_run_as_the_invoker_and_no_definer_function_skips_rls() throws SQLException {
        try (Connection c = TestDatabase.superuser().getConnection()) {
            assertThat(DatabaseAudit.viewsAndFunctions(c)).isEmpty();
        }
    }

    @Test
    void the_audit_notices_a_table_that_does_not_force_rls() throws SQLException {
        assertThat(auditAfter(DatabaseAudit::rowLevelSecurity, "alter table team no force row level security"))
                .containsExactly("team does not force row level security");
    }

    @Test
    void the_audit_notices_a_missing_policy_or_disabled_rls() throws SQLException {
        assertThat(auditAfter(DatabaseAudit::rowLevelSecurity, "drop policy tenant_isolation on person"))
                .containsExactly("person has 0 policies instead of exactly one");
        assertThat(auditAfter(DatabaseAudit::rowLevelSecurity, "alter table unit disable row level security"))
                .containsExactly("unit does not enable row level security");
    }

    @Test
    void the_audit_notices_a_policy_whose_check_differs_from_its_filter() throws SQLException {
        assertThat(auditAfter(DatabaseAudit::rowLevelSecurity,
                "drop policy tenant_isolation on unit",
                "create policy tenant_isolation on unit using (tenant_id = nullif(current_setting('arki.tenant_id', true), '')::uuid) with check (true)"))
                .singleElement().asString().contains("has USING").contains("but WITH CHECK true");
    }

    @Test
    void the_audit_notices_an_unlisted_platform_table_and_a_single_column_foreign_key() throws SQLException {
        assertThat(auditAfter(DatabaseAudit::rowLevelSecurity, "create table scratch (id int primary key)"))
                .containsExactly("scratch has no tenant_id and is not on the platform-table allowlist");
        assertThat(auditAfter(DatabaseAudit::rowLevelSecurity,
                "alter table unit add constraint unit_id_only unique (id)",
                "alter table team add constraint team_unit_only foreign key (unit_id) references unit (id)"))
                .singleElement().asString().startsWith("team_unit_only from team to unit does not include tenant_id");
    }

    @Test
    void the_audit_notices_a_grant_the_runtime_role_must_not_have() throws SQLException {
        assertThat(auditAfter(DatabaseAudit::roles, "grant truncate on unit to arki_app"))
                .containsExactly("arki_app has TRUNCATE on unit");
        assertThat(auditAfter(DatabaseAudit::roles, "grant create on schema public to arki_app"))
                .containsExactly("arki_app may create in schema public");
        assertThat(auditAfter(DatabaseAudit::roles, "alter role arki_app bypassrls"))
                .contains("arki_app is superuser, bypasses RLS, or may create roles/databases",
                        "a role other than arki_backup bypasses RLS: arki_app");
        assertThat(auditAfter(DatabaseAudit::roles, "grant arki_owner to arki_app"))
                .contains("arki_app is a member of arki_owner");
        assertThat(auditAfter(DatabaseAudit::roles, "grant insert on unit to arki_backup"))
                .containsExactly("arki_backup has INSERT on unit");
    }

    @Test
    void the_audit_notices_a_platform_table_privilege_that_would_let_the_runtime_role_escalate() throws SQLException {
        assertThat(auditAfter(DatabaseAudit::roles, "grant update (platform_admin) on user_account to arki_app"))
                .containsExactly("arki_app has UPDATE on user_account.platform_admin");
        assertThat(auditAfter(DatabaseAudit::roles, "grant select (password_hash) on user_account to arki_app"))
                .containsExactly("arki_app has SELECT on user_account.password_hash");
        assertThat(auditAfter(DatabaseAudit::roles, "grant insert on account_tenant to arki_app"))
                .containsExactly("arki_app has INSERT on account_tenant");
        assertThat(auditAfter(DatabaseAudit::roles, "alter table audit_log no force row level security"))
                .containsExactly("audit_log does not force row level security");
        assertThat(auditAfter(DatabaseAudit::roles, "grant execute on function arki_grant_platform_admin(text) to arki_app"))
                .containsExactly("arki_app may execute arki_grant_platform_admin(text)");
    }

    @Test
    void the_audit_notices_an_unreviewed_definer_function_the_runtime_role_may_call() throws SQLException {
        assertThat(auditAfter(DatabaseAudit::viewsAndFunctions,
                "create function peek_accounts() returns bigint language sql security definer as 'select count(*) from user_account'",
                "alter function peek_accounts() owner to arki_owner",
                "grant execute on function peek_accounts() to arki_app"))
                .containsExactly("function peek_accounts is SECURITY DEFINER and executable by arki_app and not on the reviewed list");
        assertThat(auditAfter(DatabaseAudit::viewsAndFunctions, "alter function arki_password_hash(uuid) reset search_path"))
                .containsExactly("function arki_password_hash is SECURITY DEFINER and executable by arki_app but has no fixed search_path");
    }

    @Test
    void the_audit_notices_a_definer_view_or_function() throws SQLException {
        assertThat(auditAfter(DatabaseAudit::viewsAndFunctions, "create view unit_names as select name from unit"))
                .containsExactly("view unit_names is not security_invoker");
        assertThat(auditAfter(DatabaseAudit::viewsAndFunctions,
                "create function peek() returns bigint language sql security definer as 'select count(*) from unit'"))
                .contains("function peek is SECURITY DEFINER owned by postgres, which skips RLS");
    }

    interface Audit {
        List<String> run(Connection c) throws SQLException;
    }

    private static List<String> auditAfter(Audit audit, String... breakingDdl) throws SQLException {
        try (Connection c = TestDatabase.superuser().getConnection()) {
            c.setAutoCommit(false);
            try {
                for (String ddl : breakingDdl) {
                    c.createStatement().execute(ddl);
                }
                return audit.run(c);
            } finally {
                c.rollback();
            }
        }
    }
}
