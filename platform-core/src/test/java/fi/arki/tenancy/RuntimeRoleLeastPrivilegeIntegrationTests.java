package fi.arki.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.arki.testing.ArkiIntegrationTest;
import fi.arki.testing.Sentinels;
import fi.arki.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * T-29: plain SQL as the runtime role against the platform tables that row level security does
 * not guard. It cannot make an account a platform administrator, add an account to a tenant, set a
 * platform administrator's password, or read password hashes; it reaches them only through the
 * narrow functions of V85, which check in SQL what they can; and with no tenant bound it reads no
 * tenant's audit entries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ArkiIntegrationTest
class RuntimeRoleLeastPrivilegeIntegrationTests {

    private static final String BCRYPT = "$2a$10$abcdefghijklmnopqrstuuN1Zrj6Yy3C0b3CqP7m1oV3aO0B0.0hK";

    Sentinels a;
    Sentinels b;
    UUID member;      // a local account, the person of B
    UUID attacker;    // a local account, the person of A
    UUID admin;       // a local platform administrator
    String memberName;

    @BeforeAll
    void seed() throws SQLException {
        a = Sentinels.seed("A");
        b = Sentinels.seed("B");
        member = UUID.randomUUID();
        attacker = UUID.randomUUID();
        admin = UUID.randomUUID();
        memberName = "member-" + member.toString().substring(0, 8);
        try (Connection c = TestDatabase.superuser().getConnection()) {
            account(c, member, memberName, false);
            account(c, attacker, "attacker-" + attacker.toString().substring(0, 8), false);
            account(c, admin, "admin-" + admin.toString().substring(0, 8), true);
            exec(c, "update person set account_id = ? where id = ?", member, b.person());
            exec(c, "insert into account_tenant (account_id, member_of_tenant_id) values (?, ?)", member, b.tenant().value());
            exec(c, "update person set account_id = ? where id = ?", attacker, a.person());
            exec(c, "insert into account_tenant (account_id, member_of_tenant_id) values (?, ?)", attacker, a.tenant().value());
            exec(c, "insert into audit_log (actor, audit_tenant_id, action, outcome) values ('t', ?, 'test.of-b', 'success')", b.tenant().value());
        }
    }

    @Test
    void the_runtime_role_cannot_make_itself_a_platform_administrator() throws SQLException {
        try (Connection c = TestDatabase.connectAs("arki_app")) {
            assertThatThrownBy(() -> exec(c, "update user_account set platform_admin = true where id = ?", attacker))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> exec(c, "insert into user_account (id, issuer, subject, display_name, platform_admin, password_hash)"
                    + " values (?, 'local', ?, 'Evil', true, '" + BCRYPT + "')", UUID.randomUUID(), "evil-" + UUID.randomUUID()))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> query(c, "select arki_grant_platform_admin(?)", "attacker")).hasMessageContaining("permission denied");
            // the single sign-on sync carries a token's role, never onto a local account
            assertThat(query(c, "select arki_sync_single_sign_on_account(?, 'Evil', null, true)", attacker)).isEqualTo("f");
        }
        assertThat(superuserQuery("select platform_admin from user_account where id = ?", attacker)).isEqualTo("f");
    }

    @Test
    void the_runtime_role_cannot_add_an_account_to_a_tenant() throws SQLException {
        try (Connection c = TestDatabase.connectAs("arki_app")) {
            assertThatThrownBy(() -> exec(c, "insert into account_tenant (account_id, member_of_tenant_id) values (?, ?)",
                    attacker, b.tenant().value())).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> exec(c, "delete from account_tenant where account_id = ?", member)).hasMessageContaining("permission denied");
            c.setAutoCommit(false);
            // bound to its own tenant, the function adds only to that tenant, and only an account one of its people stands for
            bind(c, a.tenant().toString());
            assertThatThrownBy(() -> query(c, "select arki_add_membership(?)", member)).hasMessageContaining("no person of the bound tenant");
            c.rollback();
            assertThatThrownBy(() -> query(c, "select arki_add_membership(?)", attacker)).hasMessageContaining("no tenant is bound");
            c.rollback();
            bind(c, a.tenant().toString());
            assertThatThrownBy(() -> query(c, "select arki_remove_all_memberships()")).hasMessageContaining("still has people");
            c.rollback();
        }
        assertThat(superuserQuery("select count(*) from account_tenant where account_id = ? and member_of_tenant_id = '"
                + b.tenant().value() + "'", attacker)).isEqualTo("0");
    }

    @Test
    void the_runtime_role_cannot_read_password_hashes_nor_set_a_platform_administrators_password() throws SQLException {
        try (Connection c = TestDatabase.connectAs("arki_app")) {
            assertThatThrownBy(() -> query(c, "select password_hash from user_account where id = ?", member))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> query(c, "select * from user_account where id = ?", member)).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> exec(c, "update user_account set password_hash = '" + BCRYPT + "' where id = ?", admin))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> query(c, "select arki_set_password(?, '" + BCRYPT + "', false)", admin))
                    .hasMessageContaining("platform administrator");
            c.setAutoCommit(false);
            // a first password, as a tenant administrator of A sets it: only for A's people
            bind(c, a.tenant().toString());
            assertThatThrownBy(() -> query(c, "select arki_set_password(?, '" + BCRYPT + "', true)", member))
                    .hasMessageContaining("no person of the bound tenant");
            c.rollback();
            bind(c, a.tenant().toString());
            assertThat(query(c, "select arki_set_password(?, '" + BCRYPT + "', true)", attacker)).isEqualTo("t");
            c.rollback();
            // the login path: one account's hash, by its user name, for an attempt it counts
            assertThat(query(c, "select password_hash from arki_claim_login(?, 5, 900)", memberName)).isEqualTo(BCRYPT);
            assertThat(query(c, "select failed_logins from user_account where subject = ?", memberName)).isEqualTo("1");
            c.rollback();
        }
        assertThat(superuserQuery("select password_hash from user_account where id = ?", admin)).isEqualTo(BCRYPT);
    }

    @Test
    void with_no_tenant_bound_the_runtime_role_reads_no_tenants_audit_entries() throws SQLException {
        try (Connection c = TestDatabase.connectAs("arki_app")) {
            assertThat(query(c, "select count(*) from audit_log where audit_tenant_id = ?", b.tenant().value())).isEqualTo("0");
            c.setAutoCommit(false);
            bind(c, a.tenant().toString());
            assertThat(query(c, "select count(*) from audit_log where audit_tenant_id = ?", b.tenant().value())).isEqualTo("0");
            c.rollback();
            bind(c, b.tenant().toString());
            assertThat(query(c, "select count(*) from audit_log where audit_tenant_id = ?", b.tenant().value())).isEqualTo("1");
            c.rollback();
        }
    }

    private static void account(Connection c, UUID id, String name, boolean platformAdmin) throws SQLException {
        exec(c, "insert into user_account (id, issuer, subject, display_name, password_hash, platform_admin) values (?, 'local', ?, ?, '"
                + BCRYPT + "', " + platformAdmin + ")", id, name, name);
    }

    private static void bind(Connection c, String tenant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select set_config('arki.tenant_id', ?, true)")) {
            ps.setString(1, tenant);
            ps.execute();
        }
    }

    private static void exec(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            ps.executeUpdate();
        }
    }

    private static String query(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static String superuserQuery(String sql, Object... parameters) throws SQLException {
        try (Connection c = TestDatabase.superuser().getConnection()) {
            return query(c, sql, parameters);
        }
    }
}
