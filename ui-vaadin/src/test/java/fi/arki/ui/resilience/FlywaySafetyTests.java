package fi.arki.ui.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * T-20 against a PostgreSQL of its own, with Arki as separate processes: two nodes starting
 * together on an empty database migrate it once to the latest version; starting again changes
 * nothing; a database that a newer release has migrated, or whose history has a failed migration,
 * makes Arki refuse to start with a message saying what to do.
 */
@Tag("integration")
class FlywaySafetyTests {

    @Test
    void two_nodes_on_an_empty_database_migrate_it_once_and_a_restart_is_a_no_op() throws Exception {
        try (OwnPostgres postgres = new OwnPostgres()) {
            CompletableFuture<AppProcess> first = CompletableFuture.supplyAsync(() -> start(postgres, "t20-a"));
            CompletableFuture<AppProcess> second = CompletableFuture.supplyAsync(() -> start(postgres, "t20-b"));
            List<String> history;
            try (AppProcess a = first.join(); AppProcess b = second.join()) {
                history = history(postgres);
                assertThat(history).as("every migration once, all successful, in order").containsExactlyElementsOf(migrationFiles());
            }
            String installedBefore = installed(postgres);
            try (AppProcess again = AppProcess.startWithoutDemo(postgres, "t20-c")) {
                assertThat(history(postgres)).isEqualTo(history);
                assertThat(installed(postgres)).as("nothing re-run or re-recorded").isEqualTo(installedBefore);
            }
        }
    }

    /**
     * The demo tenant's data as release 22369ca wrote it on its newest schema (V84), dumped with
     * {@code pg_dump --data-only --column-inserts}. The data comes from the release that had that
     * schema, not from today's code: today's seeding needs functions of later migrations (V85's
     * membership and password functions), so it cannot write an older schema. Migrations never
     * change once released (MigrationImmutabilityTests), so this fixture stays valid, and every
     * migration after V84 is checked against it.
     */
    private static final String OLDER_RELEASE_DATA = "/db/fixtures/v84-demo.sql";
    private static final String OLDER_RELEASE_VERSION = "84";

    @Test
    void data_written_by_an_older_release_is_migrated_to_the_latest_and_kept() throws Exception {
        List<String> files = migrationFiles();
        try (OwnPostgres postgres = new OwnPostgres()) {
            // the schema of the older release, as its Flyway left it, and the data that release wrote on it
            org.flywaydb.core.Flyway.configure()
                    .dataSource(postgres.jdbcUrl(), "arki_owner", "")
                    .locations("classpath:db/migration")
                    .target(OLDER_RELEASE_VERSION)
                    .load()
                    .migrate();
            loadOlderReleaseData(postgres);
            // the columns the older schema had: a column a later migration adds is no change to a row that was there
            java.util.Map<String, List<String>> columns = BackupRestoreDrillTests.tenantColumns(postgres);
            java.util.Map<String, String> before = BackupRestoreDrillTests.tenantChecksums(postgres, columns);
            before.remove("flyway_schema_history");
            assertThat(before).as("the fixture has tenant data to compare").isNotEmpty();

            try (AppProcess app = AppProcess.startWithoutDemo(postgres, "t20-latest-on-older")) {
                assertThat(history(postgres)).containsExactlyElementsOf(files);
            }
            java.util.Map<String, String> after = BackupRestoreDrillTests.tenantChecksums(postgres, columns);
            after.remove("flyway_schema_history");
            // every tenant row that was there is there unchanged in every column it had (a data migration that rewrites
            // rows, or one that drops a column, says so here)
            assertThat(after).containsAllEntriesOf(before);
        }
    }

    /** Loads the dump as the superuser with foreign-key triggers off, as pg_restore --disable-triggers would. */
    private static void loadOlderReleaseData(OwnPostgres postgres) throws Exception {
        String dump;
        try (java.io.InputStream in = FlywaySafetyTests.class.getResourceAsStream(OLDER_RELEASE_DATA)) {
            assertThat(in).as(OLDER_RELEASE_DATA).isNotNull();
            dump = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        try (Connection c = postgres.superuser("arki"); java.sql.Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("set session_replication_role = replica");
            // psql meta-commands (pg_dump 18 writes "restrict" and "unrestrict" lines that start with a backslash) are not SQL
            s.execute(dump.lines().filter(l -> !l.startsWith("\\")).collect(java.util.stream.Collectors.joining("\n")));
            s.execute("set session_replication_role = origin");
            c.commit();
        }
    }

    @Test
    void a_database_migrated_by_a_newer_release_stops_the_start_with_what_to_do() throws Exception {
        try (OwnPostgres postgres = new OwnPostgres()) {
            try (AppProcess app = AppProcess.startWithoutDemo(postgres, "t20-latest")) {
                assertThat(history(postgres)).isNotEmpty();
            }
            try (Connection c = postgres.superuser("arki")) {
                c.createStatement().execute("""
                        insert into flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)
                        select max(installed_rank) + 1, '999.9', 'from a newer release', 'SQL', 'V999_9__from_a_newer_release.sql', 0, 'arki_owner', 1, true
                        from flyway_schema_history""");
            }
            AppProcess.Exit exit = AppProcess.startExpectingExit(postgres, "t20-older");
            assertThat(exit.code()).as(exit.output()).isNotZero();
            assertThat(exit.output()).contains("Arki refuses to start: the database has migrations this release does not have: 999.9 (from a newer release)",
                    "Do not run 'flyway repair'");
        }
    }

    @Test
    void a_failed_migration_in_the_history_stops_the_start() throws Exception {
        try (OwnPostgres postgres = new OwnPostgres()) {
            try (AppProcess app = AppProcess.startWithoutDemo(postgres, "t20-base")) {
                assertThat(history(postgres)).isNotEmpty();
            }
            try (Connection c = postgres.superuser("arki")) {
                c.createStatement().execute("update flyway_schema_history set success = false where installed_rank = (select max(installed_rank) from flyway_schema_history)");
            }
            AppProcess.Exit exit = AppProcess.startExpectingExit(postgres, "t20-failed");
            assertThat(exit.code()).as(exit.output()).isNotZero();
            assertThat(exit.output()).contains("Arki refuses to start: migration").contains("failed earlier");
        }
    }

    private static AppProcess start(OwnPostgres postgres, String name) {
        try {
            return AppProcess.startWithoutDemo(postgres, name);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The migration scripts as the history records them: "version script". */
    private static List<String> history(OwnPostgres postgres) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = postgres.superuser("arki");
             ResultSet rs = c.createStatement().executeQuery("select version, script, success from flyway_schema_history order by installed_rank")) {
            while (rs.next()) {
                assertThat(rs.getBoolean(3)).as(rs.getString(2)).isTrue();
                rows.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return rows;
    }

    private static String installed(OwnPostgres postgres) throws SQLException {
        try (Connection c = postgres.superuser("arki");
             ResultSet rs = c.createStatement().executeQuery("select string_agg(installed_rank || ' ' || installed_on || ' ' || checksum, ',' order by installed_rank) from flyway_schema_history")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String> migrationFiles() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("../platform-core/src/main/resources/db/migration"))) {
            return files.map(f -> f.getFileName().toString())
                    .map(f -> f.substring(1, f.indexOf("__")).replace('_', '.') + " " + f)
                    .sorted(java.util.Comparator.comparing(s -> new org.flywaydb.core.api.MigrationVersion[] {
                            org.flywaydb.core.api.MigrationVersion.fromVersion(s.substring(0, s.indexOf(' ')))}[0]))
                    .toList();
        }
    }
}
