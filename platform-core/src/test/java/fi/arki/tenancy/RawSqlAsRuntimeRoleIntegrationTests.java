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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** T-04 and T-05: plain SQL as arki_app, with no help from Arki's code. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ArkiIntegrationTest
class RawSqlAsRuntimeRoleIntegrationTests {

    Sentinels a;
    Sentinels b;

    /** After the context (and so the migrations) is up; once per class. */
    @BeforeAll
    void seed() {
        a = Sentinels.seed("A");
        b = Sentinels.seed("B");
    }

    @Test
    void bound_to_a_tenant_the_runtime_role_reads_only_its_own_rows() throws SQLException {
        try (Connection c = TestDatabase.connectAs("arki_app")) {
            c.setAutoCommit(false);
            bind(c, a.tenant().toString());
            for (String table : List.of("unit", "team", "person")) {
                assertThat(tenantIdsIn(c, table)).as(table).containsOnly(a.tenant().value()).isNotEmpty();
            }
            c.rollback();
        }
    }

    @Test
    void with_no_tenant_bound_the_runtime_role_reads_nothing() throws SQLException {
        try (Connection c = TestDatabase.connectAs("arki_app")) {
            for (String table : List.of("unit", "team", "person", "person_role", "team_member")) {
                assertThat(tenantIdsIn(c, table)).as(table).isEmpty();
            }
            c.setAutoCommit(false);
            bind(c, "");
            assertThat(tenantIdsIn(c, "unit")).isEmpty();
            c.rollback();
        }
    }

    @Test
    void set_local_outside_a_transaction_and_set_config_in_autocommit_expose_nothing() throws SQLException {
        try (Connection c = TestDatabase.connectAs("arki_app")) {
            c.createStatement().execute("set local arki.tenant_id = '" + a.tenant() + "'");
            assertThat(tenantIdsIn(c, "unit")).isEmpty();
            bind(c, a.tenant().toString());
            assertThat(tenantIdsIn(c, "unit")).isEmpty();
        }
    }

    @Test
    void a_malformed_tenant_setting_fails_instead_of_matching_anything() throws SQLException {
        try (Connection c = TestDatabase.connectAs("arki_app")) {
            c.setAutoCommit(false);
            bind(c, "' or true --");
            assertThatThrownBy(() -> tenantIdsIn(c, "unit")).hasMessageContaining("invalid input syntax for type uuid");
            c.rollback();
        }
    }

    @Test
    void writing_a_row_for_another_tenant_is_rejected_by_the_policy() throws SQLException {
        try (Connection c = TestDatabase.connectAs("arki_app")) {
            c.setAutoCommit(false);
            bind(c, a.tenant().toString());
            assertThatThrownBy(() -> update(c, "insert into unit (tenant_id, id, name) values (?, ?, 'smuggled')",
                    b.tenant().value(), UUID.randomUUID()))
                    .hasMessageContaining("row-level security policy");
            c.rollback();
        }
    }

    @Test
    void moving_an_own_row_to_another_tenant_is_rejected_by_the_policy() throws SQLException {
        try (Connection c = TestDatabase.connectAs("arki_app")) {
            c.setAutoCommit(false);
            bind(c, a.tenant().toString());
            assertThatThrownBy(() -> update(c, "update person set tenant_id = ? where id = ?", b.tenant().value(), a.person()))
                    .hasMessageContaining("row-level security policy");
            c.rollback();
        }
    }

    @Test
    void linking_to_another_tenants_row_is_rejected_by_the_composite_foreign_key() throws SQLException {
        try (Connection c = TestDatabase.connectAs("arki_app")) {
            c.setAutoCommit(false);
            bind(c, a.tenant().toString());
            assertThatThrownBy(() -> update(c, "insert into team (tenant_id, id, unit_id, name) values (?, ?, ?, 'linked')",
                    a.tenant().value(), UUID.randomUUID(), b.unit()))
                    .hasMessageContaining("team_tenant_id_unit_id_fkey");
            c.rollback();
            bind(c, a.tenant().toString());
            assertThatThrownBy(() -> update(c, "insert into team_member (tenant_id, team_id, person_id) values (?, ?, ?)",
                    a.tenant().value(), a.team(), b.person()))
                    .hasMessageContaining("team_member_tenant_id_person_id_fkey");
            c.rollback();
        }
    }

    @Test
    void updates_and_deletes_of_another_tenants_rows_affect_nothing() throws SQLException {
        try (Connection c = TestDatabase.connectAs("arki_app")) {
            c.setAutoCommit(false);
            bind(c, a.tenant().toString());
            assertThat(update(c, "update unit set name = 'renamed' where id = ?", b.unit())).isZero();
            assertThat(update(c, "delete from team where id = ?", b.team())).isZero();
            assertThat(update(c, "delete from person where tenant_id = ?", b.tenant().value())).isZero();
            c.commit();
        }
        try (Connection c = TestDatabase.superuser().getConnection()) {
            assertThat(count(c, "select count(*) from unit where id = '" + b.unit() + "' and name = 'Unit of B'")).isOne();
            assertThat(count(c, "select count(*) from team where id = '" + b.team() + "'")).isOne();
            assertThat(count(c, "select count(*) from person where tenant_id = '" + b.tenant() + "'")).isOne();
        }
    }

    @Test
    void the_runtime_role_cannot_truncate_or_change_the_schema() throws SQLException {
        try (Connection c = TestDatabase.connectAs("arki_app")) {
            assertThatThrownBy(() -> c.createStatement().execute("truncate unit")).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> c.createStatement().execute("alter table unit no force row level security"))
                    .hasMessageContaining("must be owner");
            assertThatThrownBy(() -> c.createStatement().execute("create table mine (id int)")).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> c.createStatement().execute("set role arki_owner")).hasMessageContaining("permission denied");
        }
    }

    static void bind(Connection c, String tenant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select set_config('arki.tenant_id', ?, true)")) {
            ps.setString(1, tenant);
            ps.execute();
        }
    }

    static List<UUID> tenantIdsIn(Connection c, String table) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("select tenant_id from " + table)) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    static long count(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
