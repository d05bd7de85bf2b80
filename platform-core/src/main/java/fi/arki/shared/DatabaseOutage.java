package fi.arki.shared;

import java.net.ConnectException;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * Tells a database that is away from one that is only busy. Both reach a view as "no connection
 * in time" from the pool; what differs is why the pool had none: when it could not open one, it
 * passes on the driver's failure (a connection exception, SQL state class 08, or an administrator
 * shutdown, 57P), and a query on a connection that died with the server fails the same way.
 * The views word their message by it, and the services do not retry an outage (it does not pass
 * in a second; retrying would only make the person wait longer for "not available").
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    public static boolean isOutage(@Nullable Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && connectionState(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean connectionState(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            String state = s.getSQLState();
            if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
