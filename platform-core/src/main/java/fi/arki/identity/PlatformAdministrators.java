package fi.arki.identity;

import fi.arki.shared.Callers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.stereotype.Component;

/**
 * Makes a local account a platform administrator — the one write the runtime role cannot do
 * (T-29): it goes through the migration role's connection (Flyway's, as {@code arki_owner}), which
 * Arki holds for its start-up anyway. Only Arki itself calls it, at start-up (the demo seeding);
 * an operator does the same with {@code SELECT arki_grant_platform_admin('name')} as the owner.
 */
@Component
public class PlatformAdministrators {

    private final DataSource owner;

    PlatformAdministrators(Flyway flyway) {
        this.owner = flyway.getConfiguration().getDataSource();
    }

    /** Grants the flag to the local account with this user name; false if there is none. Commits at once. */
    public boolean grantLocal(String username) {
        if (!Callers.system()) {
            throw new org.springframework.security.access.AccessDeniedException("Only Arki itself grants platform administration");
        }
        try (Connection c = owner.getConnection();
             PreparedStatement grant = c.prepareStatement("select arki_grant_platform_admin(?)")) {
            c.setAutoCommit(true);
            grant.setString(1, username);
            try (ResultSet rs = grant.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not grant platform administration as the owner role", e);
        }
    }
}
