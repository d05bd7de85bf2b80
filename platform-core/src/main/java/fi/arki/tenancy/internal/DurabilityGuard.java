package fi.arki.tenancy.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * T-18: a participant sees "saved" only after commit, so a commit must survive a crash. Arki
 * refuses to start on a PostgreSQL that has fsync, synchronous_commit or full_page_writes off.
 */
@Component
class DurabilityGuard implements InitializingBean {

    private static final Set<String> DURABLE_SYNCHRONOUS_COMMIT = Set.of("on", "local", "remote_write", "remote_apply");

    private final DataSource dataSource;

    DurabilityGuard(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        List<String> problems = problems(dataSource);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Arki refuses to run on a PostgreSQL that can lose committed data: "
                    + String.join("; ", problems));
        }
    }

    static List<String> problems(DataSource dataSource) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "select current_setting('fsync'), current_setting('synchronous_commit'), current_setting('full_page_writes')")) {
            rs.next();
            if (!"on".equals(rs.getString(1))) {
                problems.add("fsync is " + rs.getString(1));
            }
            if (!DURABLE_SYNCHRONOUS_COMMIT.contains(rs.getString(2))) {
                problems.add("synchronous_commit is " + rs.getString(2));
            }
            if (!"on".equals(rs.getString(3))) {
                problems.add("full_page_writes is " + rs.getString(3));
            }
        }
        return problems;
    }
}
