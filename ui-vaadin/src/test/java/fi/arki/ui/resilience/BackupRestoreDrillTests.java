package fi.arki.ui.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * T-19, the backup and restore drill of docs/operations.md, end to end: Arki runs on its own
 * PostgreSQL 18 and seeds data; {@code pg_dump} as {@code arki_backup} (the one role that bypasses
 * RLS, read-only) and {@code pg_dumpall --globals-only} save it; both are restored into a brand-new
 * cluster; Arki boots on the copy (Flyway validates every applied migration's checksum on the
 * way); every tenant's rows are the same, checksum for checksum, and row level security is as
 * forced as before, so the runtime role still sees nothing without a tenant.
 *
 * <p>Needs PostgreSQL 18's client programs: {@code tools/postgres-client.sh} builds them once.
 */
@Tag("integration")
class BackupRestoreDrillTests {

    static Path bin;

    @BeforeAll
    static void clientTools() throws Exception {
        Process p = new ProcessBuilder("bash", "tools/postgres-client.sh").directory(Path.of("..").toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertThat(p.waitFor(15, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("tools/postgres-client.sh").isZero();
        bin = Path.of(out.lines().reduce((a, b) -> b).orElseThrow());
    }

    @Test
    void a_dump_by_the_backup_role_restores_into_a_new_cluster_where_arki_boots_on_identical_data(@TempDir Path work) throws Exception {
        Path dump = work.resolve("arki.dump");
        Path globals = work.resolve("globals.sql");
        Map<String, String> before;
        Map<String, String> securityBefore;
        try (OwnPostgres source = new OwnPostgres()) {
            try (AppProcess app = AppProcess.start(source, "t19-source")) {
                awaitReady(app);
            }
            before = tenantChecksums(source);
            securityBefore = rowSecurity(source);

            run(work, bin.resolve("pg_dump").toString(), "-h", "localhost", "-p", String.valueOf(source.port()),
                    "-U", "arki_backup", "--format=custom", "--file=" + dump, "arki");
            run(work, bin.resolve("pg_dumpall").toString(), "-h", "localhost", "-p", String.valueOf(source.port()),
                    "-U", "arki_backup", "--globals-only", "--no-role-passwords", "--file=" + globals);
        }
        assertThat(before).as("the drill has data to compare").isNotEmpty();
        assertThat(Files.size(dump)).isPositive();

        try (OwnPostgres target = new OwnPostgres(false)) {
            // the roles first (the new cluster's own superuser is already there), then the database
            run(work, bin.resolve("psql").toString(), "-h", "localhost", "-p", String.valueOf(target.port()), "-U", "postgres",
                    "-d", "postgres", "-q", "-f", globals.toString());
            try (Connection c = target.superuser("postgres"); Statement s = c.createStatement()) {
                s.execute("create database arki owner arki_owner");
                s.execute("revoke all on database arki from public");
                s.execute("grant connect on database arki to arki_app, arki_backup");
            }
            run(work, bin.resolve("pg_restore").toString(), "-h", "localhost", "-p", String.valueOf(target.port()), "-U", "postgres",
                    "--exit-on-error", "--dbname=arki", dump.toString());

            assertThat(rowSecurity(target)).as("RLS enabled and forced, policies as before").isEqualTo(securityBefore);
            try (AppProcess app = AppProcess.start(target, "t19-restored")) {
                awaitReady(app);
            }
            // (flyway_schema_history is among them: the copy needed no migration, and validated)
            assertThat(tenantChecksums(target)).as("every tenant's rows in every table").isEqualTo(before);
            try (Connection runtime = java.sql.DriverManager.getConnection(target.jdbcUrl(), "arki_app", "");
                 ResultSet rs = runtime.createStatement().executeQuery("select count(*) from person")) {
                rs.next();
                assertThat(rs.getLong(1)).as("the runtime role without a tenant sees no rows").isZero();
            }
        }
    }

    /** Readiness (the database included) comes once the start-up runners are done. */
    private static void awaitReady(AppProcess app) {
        app.await("Arki ready (readiness 200)", java.time.Duration.ofMinutes(5), () -> ready(app) == 200);
    }

    private static int ready(AppProcess app) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.managementBase() + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** Per tenant and table: row count and an md5 over the rows in a stable order (as the superuser, past RLS). */
    static Map<String, String> tenantChecksums(OwnPostgres postgres) throws SQLException {
        return tenantChecksums(postgres, Map.of());
    }

    /**
     * Per tenant and table: how many rows, and a checksum of their text. For a table named in
     * {@code columns}, only those columns count (a migration that adds a column changes no row that
     * was there); every other table counts whole rows.
     */
    static Map<String, String> tenantChecksums(OwnPostgres postgres, Map<String, List<String>> columns) throws SQLException {
        Map<String, String> sums = new TreeMap<>();
        try (Connection c = postgres.superuser("arki"); Statement s = c.createStatement()) {
            for (String table : tenantColumns(postgres).keySet()) {
                String row = columns.containsKey(table)
                        ? "row(" + columns.get(table).stream().map(col -> "t.\"" + col + "\"").collect(java.util.stream.Collectors.joining(", ")) + ")::text"
                        : "t::text";
                try (ResultSet rs = s.executeQuery("select tenant_id::text, count(*), md5(string_agg(" + row + ", '|' order by " + row + ")) from \""
                        + table + "\" t group by tenant_id")) {
                    while (rs.next()) {
                        sums.put(rs.getString(1) + " " + table, rs.getLong(2) + " " + rs.getString(3));
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("select count(*), md5(string_agg(t::text, '|' order by t::text)) from flyway_schema_history t")) {
                rs.next();
                sums.put("flyway_schema_history", rs.getLong(1) + " " + rs.getString(2));
            }
        }
        return sums;
    }

    /** Every table with a {@code tenant_id}, with its columns in order. */
    static Map<String, List<String>> tenantColumns(OwnPostgres postgres) throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection c = postgres.superuser("arki"); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select c.relname, col.attname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
                join pg_attribute col on col.attrelid = c.oid and col.attnum > 0 and not col.attisdropped
                where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname, col.attnum""")) {
            while (rs.next()) {
                tables.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return tables;
    }

    private static Map<String, String> rowSecurity(OwnPostgres postgres) throws SQLException {
        Map<String, String> security = new TreeMap<>();
        try (Connection c = postgres.superuser("arki"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     select c.relname, c.relrowsecurity, c.relforcerowsecurity, pg_get_userbyid(c.relowner),
                            (select string_agg(p.polname || ':' || pg_get_expr(p.polqual, p.polrelid) || ':' || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), ''), ',' order by p.polname)
                             from pg_policy p where p.polrelid = c.oid)
                     from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     where n.nspname = 'public' and c.relkind in ('r', 'p')""")) {
            while (rs.next()) {
                security.put(rs.getString(1), rs.getBoolean(2) + " " + rs.getBoolean(3) + " " + rs.getString(4) + " " + rs.getString(5));
            }
        }
        return security;
    }

    private static void run(Path work, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(work, "cmd", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + Files.readString(log)).isZero();
    }
}
