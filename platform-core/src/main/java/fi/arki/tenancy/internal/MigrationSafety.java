package fi.arki.tenancy.internal;

import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * T-20: migrations at start-up, with two refusals Flyway alone does not make. Flyway by default
 * ignores an applied migration newer than any this release has ({@code *:future}), so an older
 * release would run on a schema it does not know (after a rollback of the app but not of the
 * database); and a failed migration left in the history is for a person to look at. Arki refuses
 * to start on either and says what to do, instead of Flyway's advice to "repair", which would
 * hide the problem. Everything else is Flyway's own: validation of every applied migration's
 * checksum against the files (a released migration that was edited stops the start), and a
 * PostgreSQL advisory lock, so that of two nodes starting together one migrates and the other
 * finds nothing left to do.
 */
@Configuration(proxyBeanMethods = false)
class MigrationSafety {

    @Bean
    FlywayMigrationStrategy arkiMigrationStrategy() {
        return MigrationSafety::migrate;
    }

    static void migrate(Flyway flyway) {
        List<MigrationInfo> applied = Arrays.asList(flyway.info().applied());
        List<String> future = applied.stream().filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS
                        || m.getState() == MigrationState.FUTURE_FAILED)
                .map(m -> m.getVersion() + " (" + m.getDescription() + ")").toList();
        if (!future.isEmpty()) {
            throw new IllegalStateException("Arki refuses to start: the database has migrations this release does not have: "
                    + String.join(", ", future) + ". A newer release of Arki has migrated it; run that release (or a newer one) "
                    + "or restore the backup taken before the upgrade. Do not run 'flyway repair'.");
        }
        List<String> failed = applied.stream().filter(m -> m.getState() == MigrationState.FAILED)
                .map(m -> m.getVersion() + " (" + m.getDescription() + ")").toList();
        if (!failed.isEmpty()) {
            throw new IllegalStateException("Arki refuses to start: migration " + String.join(", ", failed)
                    + " failed earlier and is marked failed in flyway_schema_history. See docs/operations.md (migrations).");
        }
        flyway.migrate();
    }
}
