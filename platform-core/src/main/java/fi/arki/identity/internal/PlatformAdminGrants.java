package fi.arki.identity.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.stereotype.Component;

/** The owner role's connection (Flyway's, as {@code arki_owner}) for the one grant the runtime role cannot make (T-29). */
@Component
public class PlatformAdminGrants {

    private final DataSource owner;

    PlatformAdminGrants(Flyway flyway) {
        this.owner = flyway.getConfiguration().getDataSource();
    }

    /** {@code arki_grant_platform_admin(username)}, committed at once; false if there is no such local account. */
    public boolean grant(String username) {
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
