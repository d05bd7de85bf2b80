package fi.arki.ui.processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The processes and temporary folders a test JVM starts (Keycloak, Arki nodes, ChromeDriver and
 * Chromium) end with it: each child carries {@value #VARIABLE}=this JVM in its environment, which
 * its own children inherit, and a shutdown hook stops every process so marked and deletes the
 * folders registered here. That covers the end of the run and a run cut short by SIGTERM or SIGINT.
 *
 * <p>A JVM killed with SIGKILL runs no hook; so the first use in the next test JVM sweeps what a
 * dead one left behind ({@link Leftovers}): a process marked with an owner that no longer runs, an
 * embedded PostgreSQL whose data folder no JVM holds, a Chromium profile no browser uses.
 */
public final class OwnedProcesses {

    static final String VARIABLE = "ARKI_TEST_OWNER";

    /** This JVM as pid@start: a pid used again later by another process is not this owner. */
    static final String OWNER = ownerOf(ProcessHandle.current());

    private static final Set<Path> FOLDERS = ConcurrentHashMap.newKeySet();

    static {
        Leftovers.sweep();
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("arki-test-processes-stop")
                .unstarted(OwnedProcesses::stopAllAndDelete));
    }

    private OwnedProcesses() {
    }

    /** Makes sure the sweep of earlier runs' leftovers ran (it runs once, when this class is first used). */
    public static void sweepLeftoversOnce() {
        Leftovers.sweep();
    }

    /** Marks a process about to start as this JVM's. */
    public static ProcessBuilder mark(ProcessBuilder builder) {
        builder.environment().put(VARIABLE, OWNER);
        return builder;
    }

    /** The environment entry to give a child started by other code (ChromeDriverService). */
    public static java.util.Map<String, String> environment() {
        return java.util.Map.of(VARIABLE, OWNER);
    }

    /** Deleted (recursively) at the latest when the JVM exits. */
    public static Path deleteAtExit(Path folder) {
        FOLDERS.add(folder.toAbsolutePath());
        return folder;
    }

    /** Deletes a folder now (and forgets it). */
    public static void delete(Path folder) {
        FOLDERS.remove(folder.toAbsolutePath());
        deleteRecursively(folder);
    }

    /** Ends a process and all its descendants: politely, then after {@code grace} forcibly. */
    public static void stop(ProcessHandle process, Duration grace) {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process);
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception stillRunning) {
                p.destroyForcibly();
            }
        }
    }

    /** Processes of this JVM still running (Keycloak, Arki, ChromeDriver, Chromium). */
    public static List<ProcessHandle> running() {
        return Leftovers.processes().filter(p -> OWNER.equals(Leftovers.ownerOf(p).orElse(null))).toList();
    }

    static void stopAllAndDelete() {
        running().forEach(p -> stop(p, Duration.ofSeconds(20)));
        FOLDERS.forEach(OwnedProcesses::deleteRecursively);
    }

    static String ownerOf(ProcessHandle process) {
        return process.pid() + "@" + process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    /** Whether the JVM named pid@start still runs (a recycled pid has another start time). */
    static boolean alive(String owner) {
        int at = owner.indexOf('@');
        if (at < 0) {
            return false;
        }
        try {
            long pid = Long.parseLong(owner.substring(0, at));
            long started = Long.parseLong(owner.substring(at + 1));
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            return handle.filter(ProcessHandle::isAlive)
                    .flatMap(h -> h.info().startInstant())
                    .filter(s -> Math.abs(s.toEpochMilli() - started) < 1000)
                    .isPresent();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static void deleteRecursively(Path folder) {
        // a few passes: a process that has just ended may still have had a file appear meanwhile
        for (int attempt = 1; Files.exists(folder); attempt++) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException | UncheckedIOException e) {
                if (attempt == 3) {
                    // the next run's sweep takes the rest
                    System.err.println("Could not delete " + folder + ": " + e);
                    return;
                }
            }
        }
    }

    static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
