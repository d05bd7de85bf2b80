package fi.arki.tenancy.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may run PostgreSQL on a persistent data directory (T-26). A live Arki holds an exclusive
 * file lock on {@code <data-dir>.lock}, next to the directory (inside it initdb would find a
 * non-empty directory), for as long as its JVM lives; the operating system releases it when the
 * JVM dies, also by {@code kill -9}. So a second Arki that cannot take the lock refuses to start,
 * and one that can take it knows that any postmaster still running on the directory was left by a
 * crashed Arki (a postmaster outlives its JVM: it is re-parented to init) and stops it before
 * starting its own.
 */
final class EmbeddedDataDirectory {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDataDirectory.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private final FileChannel channel;
    private final FileLock lock;
    private @Nullable String recovery;

    private EmbeddedDataDirectory(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * What the claim found of a crashed predecessor, for the application's log: the directory is
     * claimed before Spring Boot's logging is set up, when slf4j output is still held back.
     */
    Optional<String> recovery() {
        return Optional.ofNullable(recovery);
    }

    /** Takes the directory for this JVM, stopping a crashed predecessor's postmaster; refuses if another Arki lives on it. */
    static EmbeddedDataDirectory claim(Path dataDirectory) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        Path lockFile = directory.resolveSibling(directory.getFileName() + ".lock");
        try {
            Files.createDirectories(directory);
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameJvm) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("The embedded database's data directory " + directory
                        + " is in use by another running Arki (it holds " + lockFile + "). Stop that Arki first, or give this one"
                        + " another directory with arki.database.embedded.data-dir.");
            }
            // the holder's pid, for a person wondering which process that is; the lock itself is what counts
            channel.truncate(0).write(java.nio.ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            EmbeddedDataDirectory claimed = new EmbeddedDataDirectory(channel, lock);
            claimed.recovery = stopLeftoverPostmaster(directory);
            return claimed;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lock the embedded database's data directory " + directory, e);
        }
    }

    /**
     * With the lock held, a postmaster named in {@code postmaster.pid} that is still alive belongs
     * to no live Arki. It is asked for a fast shutdown (SIGINT: roll back open transactions,
     * checkpoint, exit), which loses nothing committed; a dead pid is left to PostgreSQL, which
     * recognises a stale pid file itself.
     */
    private static @Nullable String stopLeftoverPostmaster(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return null;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        Optional<ProcessHandle> postmaster = lines.isEmpty() ? Optional.empty() : parsePid(lines.getFirst()).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(EmbeddedDataDirectory::isPostgres);
        if (postmaster.isEmpty()) {
            return "Embedded PostgreSQL: " + pidFile + " names no running server (the previous one stopped without cleaning up);"
                    + " PostgreSQL recovers the data at this start";
        }
        ProcessHandle leftover = postmaster.get();
        log.warn("Embedded PostgreSQL: a server (pid {}) is still running on {} although no Arki holds the directory — left by a"
                + " crashed Arki; stopping it (fast shutdown) before starting", leftover.pid(), directory);
        long pid = leftover.pid();
        signalFastShutdown(leftover);
        try {
            leftover.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException slow) {
            log.warn("Embedded PostgreSQL: pid {} did not stop within {} s; killing it", leftover.pid(), STOP_WAIT.toSeconds());
            leftover.destroyForcibly();
            leftover.onExit().join();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not wait for the leftover embedded PostgreSQL to stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the leftover embedded PostgreSQL", e);
        }
        return "Embedded PostgreSQL: a server (pid " + pid + ") was still running on " + directory + " although no Arki held the"
                + " directory — left by a crashed Arki; stopping it (fast shutdown) before starting. It has stopped; PostgreSQL"
                + " recovers the data at this start";
    }

    private static void signalFastShutdown(ProcessHandle postmaster) {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).redirectErrorStream(true).start();
            if (kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0) {
                return;
            }
        } catch (IOException notThere) {
            // no kill command (Windows): SIGTERM below, PostgreSQL's smart shutdown, still safe
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        postmaster.destroy();
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A pid may have been reused since: only a postgres process is stopped. */
    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> Path.of(c).getFileName().toString().startsWith("postgres")).orElse(true);
    }

    /** Lets the directory go (the server on it has stopped). */
    void release() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            log.debug("Could not release the data directory lock", e);
        }
    }
}
