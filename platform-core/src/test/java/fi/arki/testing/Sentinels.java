package fi.arki.testing;

import fi.arki.shared.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Seeds a tenant with one unit, one team and one person directly as the superuser, so that a test
 * can check that the runtime role never sees it from another tenant. Names carry the tenant's
 * label so a leak is easy to spot in a failure message.
 */
public record Sentinels(TenantId tenant, UUID unit, UUID team, UUID person, String label) {

    public static Sentinels seed(String label) {
        Sentinels s = new Sentinels(TenantId.random(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), label);
        try (Connection c = TestDatabase.superuser().getConnection()) {
            exec(c, "insert into tenant (id, slug, name) values (?, ?, ?)", s.tenant.value(),
                    "t-" + s.tenant.value().toString().substring(0, 8), "Tenant " + label);
            exec(c, "insert into unit (tenant_id, id, name) values (?, ?, ?)", s.tenant.value(), s.unit, "Unit of " + label);
            exec(c, "insert into team (tenant_id, id, unit_id, name) values (?, ?, ?, ?)", s.tenant.value(), s.team, s.unit, "Team of " + label);
            exec(c, "insert into person (tenant_id, id, display_name) values (?, ?, ?)", s.tenant.value(), s.person, "Person of " + label);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return s;
    }

    private static void exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }
}
