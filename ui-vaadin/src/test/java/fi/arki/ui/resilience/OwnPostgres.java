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
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.awaitility.Awaitility;
import fi.arki.ui.processes.OwnedProcesses;

/**
 * A PostgreSQL 18 that one test owns, configured durably (fsync, synchronous commit, full page
 * writes) exactly as Arki's embedded default, which the test may stop the hard way: an immediate
 * shutdown (SIGQUIT to the postmaster, no checkpoint, crash recovery at the next start).
 *
 * <p>Its folder ({@code arki-own-pg*} in the temporary directory: {@code owner.lock} and
 * {@code data/}) is deleted on {@link #close()}, and the server stopped when the JVM exits. The
 * lock, held from start to close, tells a later run's sweep whether the folder is still someone's.
 */
public final class OwnPostgres implements AutoCloseable {

    private final Path folder;
    private final Path data;
    private final int port;
    private final FileChannel ownerLockFile;
    private final FileLock ownerLock;
    private final Thread stopAtExit;
    private EmbeddedPostgres postgres;

    /** A new cluster with Arki's roles and an empty {@code arki} database owned by {@code arki_owner}, as a DBA sets it up. */
    public OwnPostgres() throws IOException {
        this(true);
    }

    /** A new cluster; without the bootstrap it has only the superuser and the default databases (a restore target). */
    OwnPostgres(boolean bootstrap) throws IOException {
        OwnedProcesses.sweepLeftoversOnce();
        this.folder = Files.createTempDirectory("arki-own-pg");
        this.data = folder.resolve("data");
        this.ownerLockFile = FileChannel.open(folder.resolve("owner.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        this.ownerLock = ownerLockFile.lock();
        this.stopAtExit = Thread.ofPlatform().name("own-postgres-stop").unstarted(() -> {
            // stopped first: pg_ctl needs the data folder
            stopQuietly();
            OwnedProcesses.delete(folder);
        });
        Runtime.getRuntime().addShutdownHook(stopAtExit);
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
                // zonky's default of 10 s is too short on a loaded machine
                .setPGStartupWait(Duration.ofMinutes(2))
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
        Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> ProcessHandle.of(pid).isEmpty()
                || !ProcessHandle.of(pid).get().isAlive());
        // lets go of the data directory's lock (its pg_ctl stop finds no server, which is the point)
        postgres.close();
        postgres = null;
    }

    @Override
    public void close() throws IOException {
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException exiting) {
            // the JVM is already shutting down: the hook is on its way
        }
        stopQuietly();
        ownerLock.release();
        ownerLockFile.close();
        OwnedProcesses.delete(folder);
    }

    private synchronized void stopQuietly() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("Could not stop the PostgreSQL on " + data + ": " + e);
            }
            postgres = null;
        }
    }
}
