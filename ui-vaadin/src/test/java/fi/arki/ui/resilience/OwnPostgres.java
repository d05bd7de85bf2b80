package fi.arki.ui.resilience;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.awaitility.Awaitility;

/**
 * A PostgreSQL 18 that one test owns, configured durably (fsync, synchronous commit, full page
 * writes) exactly as Arki's embedded default, which the test may stop the hard way: an immediate
 * shutdown (SIGQUIT to the postmaster, no checkpoint, crash recovery at the next start).
 */
public final class OwnPostgres implements AutoCloseable {

    private final Path data;
    private final int port;
    private EmbeddedPostgres postgres;

    /** A new cluster with Arki's roles and an empty {@code arki} database owned by {@code arki_owner}, as a DBA sets it up. */
    public OwnPostgres() throws IOException {
        this(true);
    }

    /** A new cluster; without the bootstrap it has only the superuser and the default databases (a restore target). */
    OwnPostgres(boolean bootstrap) throws IOException {
        this.data = Files.createTempDirectory("arki-own-pg");
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
        start();
        if (bootstrap) {
            bootstrap();
        }
    }

    void start() throws IOException {
        if (postgres != null) {
            return;
        }
        postgres = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "200")
                .setLocaleConfig("locale", "C.UTF-8")
                .start();
    }

    private void bootstrap() {
        try (Connection c = superuser("postgres"); Statement s = c.createStatement()) {
            try (InputStream in = OwnPostgres.class.getResourceAsStream("/db/bootstrap/roles.sql")) {
                s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            s.execute("create database arki owner arki_owner");
            s.execute("revoke all on database arki from public");
            s.execute("grant connect on database arki to arki_app, arki_backup");
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/arki";
    }

    int port() {
        return port;
    }

    public Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database, "postgres", "");
    }

    /** "pg_ctl stop -m immediate": every backend is dropped at once, nothing is flushed beyond what committed. */
    void stopImmediately() throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).getFirst().strip());
        new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).inheritIO().start().waitFor();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> ProcessHandle.of(pid).isEmpty()
                || !ProcessHandle.of(pid).get().isAlive());
        // lets go of the data directory's lock (its pg_ctl stop finds no server, which is the point)
        postgres.close();
        postgres = null;
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
