package fi.arki.testing;

import fi.arki.tenancy.internal.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Direct access to the test JVM's embedded PostgreSQL, for audits and raw-SQL tests. */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static EmbeddedPostgresServer server() {
        TestPhase.requireIntegration("The embedded PostgreSQL was asked to start");
        return EmbeddedPostgresServer.start(null, 0);
    }

    /** The cluster superuser: sees everything; used to seed sentinels and to audit the catalog. */
    public static DataSource superuser() {
        return server().superuserDataSource();
    }

    /** A fresh, unpooled connection as the given role (trust authentication on loopback). */
    public static Connection connectAs(String role) throws SQLException {
        return DriverManager.getConnection(server().jdbcUrl(), role, "");
    }
}
