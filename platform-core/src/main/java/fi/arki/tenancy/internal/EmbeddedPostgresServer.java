package fi.arki.tenancy.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL 18 of the default set-up and of the tests: one server per data directory
 * per JVM, started on first use and stopped when the JVM exits.
 *
 * <p>It is configured durably (fsync, synchronous commit, full page writes), unlike zonky's
 * test-speed defaults, because a participant's "saved" must mean saved here too. At start it
 * creates Arki's roles and the {@code arki} database owned by {@code arki_owner}, exactly as a DBA
 * would for an external PostgreSQL.
 */
public final class EmbeddedPostgresServer {

    public static final String DATABASE = "arki";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<String, EmbeddedPostgresServer> RUNNING = new ConcurrentHashMap<>();

    private final EmbeddedPostgres postgres;
    private final @Nullable EmbeddedDataDirectory directory;
    private volatile boolean stoppedBySpring;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, @Nullable EmbeddedDataDirectory directory) {
        this.postgres = postgres;
        this.directory = directory;
    }

    /**
     * Starts (or returns the already running) server for a data directory. A {@code null} directory
     * means a throwaway one, deleted when the JVM exits.
     */
    public static EmbeddedPostgresServer start(@Nullable Path dataDirectory, int port) {
        String key = dataDirectory == null ? "<ephemeral>" : dataDirectory.toAbsolutePath().normalize().toString();
        return RUNNING.computeIfAbsent(key, k -> launch(dataDirectory, port));
    }

    private static EmbeddedPostgresServer launch(@Nullable Path dataDirectory, int port) {
        // a persistent directory is this JVM's alone; a crashed predecessor's server on it is stopped (T-26)
        EmbeddedDataDirectory claimed = dataDirectory == null ? null : EmbeddedDataDirectory.claim(dataDirectory);
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    // stopped by stopAfterSpring or our own hook, never while a context still uses it
                    .setRegisterShutdownHook(false)
                    // zonky passes -F (fsync off) and synchronous_commit=off; later -c options win
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "300")
                    // zonky gives up after 10 s, which a loaded machine (or a slow disk) can take
                    .setPGStartupWait(java.time.Duration.ofMinutes(2))
                    .setLocaleConfig("locale", "C.UTF-8");
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            if (port > 0) {
                builder.setPort(port);
            }
            long started = System.nanoTime();
            EmbeddedPostgres postgres = builder.start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, claimed);
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("embedded-postgres-stop").unstarted(() -> {
                if (!server.stoppedBySpring) {
                    server.stop();
                }
            }));
            server.bootstrap();
            log.info("Embedded PostgreSQL on port {} ({}), ready in {} ms", postgres.getPort(),
                    dataDirectory == null ? "throwaway data" : "data in " + dataDirectory.toAbsolutePath(),
                    (System.nanoTime() - started) / 1_000_000);
            return server;
        } catch (IOException | RuntimeException e) {
            if (claimed != null) {
                claimed.release();
            }
            throw e instanceof IOException io ? new UncheckedIOException("Could not start the embedded PostgreSQL", io) : (RuntimeException) e;
        }
    }

    private void bootstrap() {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(rolesScript());
            boolean exists;
            try (var rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                s.execute("create database " + DATABASE + " owner arki_owner");
                s.execute("revoke all on database " + DATABASE + " from public");
                s.execute("grant connect on database " + DATABASE + " to arki_app, arki_backup");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded PostgreSQL for Arki", e);
        }
    }

    static String rolesScript() {
        try (InputStream in = EmbeddedPostgresServer.class.getResourceAsStream("/db/bootstrap/roles.sql")) {
            if (in == null) {
                throw new IllegalStateException("db/bootstrap/roles.sql is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Leaves stopping to Spring Boot's shutdown handlers, which run after every application
     * context has closed: stopping earlier would leave connection pools and the event registry
     * waiting for a database that is gone.
     */
    public void stopAfterSpring(org.springframework.boot.SpringApplicationShutdownHandlers handlers) {
        if (!stoppedBySpring) {
            stoppedBySpring = true;
            handlers.add(this::stop);
        }
    }

    private void stop() {
        try {
            postgres.close();
            if (directory != null) {
                directory.release();
            }
        } catch (IOException e) {
            log.warn("Could not stop the embedded PostgreSQL cleanly", e);
        }
    }

    /** What starting on the data directory found of a crashed predecessor (T-26), for the application's log. */
    public java.util.Optional<String> recovery() {
        return directory == null ? java.util.Optional.empty() : directory.recovery();
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    /** The cluster's superuser on the Arki database: for bootstrap, tests and tools, never the app. */
    public DataSource superuserDataSource() {
        return postgres.getDatabase("postgres", DATABASE);
    }
}
