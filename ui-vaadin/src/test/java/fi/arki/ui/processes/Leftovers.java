package fi.arki.ui.processes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a test JVM killed with SIGKILL left behind, found so that it can be proven to be a test's
 * and no longer in use (other test JVMs, of this checkout or another, may be running meanwhile):
 * <ul>
 * <li>a process whose environment names, as its owner, a test JVM that no longer runs;</li>
 * <li>an embedded PostgreSQL (zonky starts it with pg_ctl, so its parent is 1) whose throwaway data
 * folder in the temporary directory ({@code epg*}, {@code arki-own-pg*}) has a lock file no process
 * holds (zonky locks it while its JVM runs; the kernel drops the lock with the JVM);</li>
 * <li>a Chromium profile folder ({@code arki-chromium*}) that no running process names and that is
 * older than a browser takes to start.</li>
 * </ul>
 * Only the temporary directory is looked at; anything else is not ours to judge.
 */
public final class Leftovers {

    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));
    /** Longer than starting a browser on the folder or a postmaster on its freshly locked data takes. */
    private static final Duration SETTLED = Duration.ofMinutes(2);

    private static boolean swept;

    private Leftovers() {
    }

    /** Once per JVM: stops and deletes what dead test JVMs left, and says so on standard error. */
    public static synchronized void sweep() {
        if (swept) {
            return;
        }
        swept = true;
        sweepNow();
    }

    /** Stops and deletes what dead test JVMs left (no once-only guard: tests call it). */
    static void sweepNow() {
        try {
            processes().filter(p -> ownerOf(p).filter(o -> !o.equals(OwnedProcesses.OWNER) && !OwnedProcesses.alive(o)).isPresent())
                    .forEach(p -> {
                        report("process " + p.pid() + " (" + p.info().command().orElse("?") + ") of a test JVM that is gone");
                        OwnedProcesses.stop(p, Duration.ofSeconds(10));
                    });
            postgresFolders().forEach(Leftovers::stopAndDeletePostgres);
            chromiumProfiles().forEach(folder -> {
                report("Chromium profile " + folder);
                OwnedProcesses.deleteRecursively(folder);
            });
        } catch (RuntimeException e) {
            // tidying must never be why a test fails; what it could not do stays for the next run
            System.err.println("Sweeping leftovers of earlier test runs failed: " + e);
        }
    }

    static Stream<ProcessHandle> processes() {
        return ProcessHandle.allProcesses().filter(p -> p.pid() != ProcessHandle.current().pid());
    }

    /** The {@value OwnedProcesses#VARIABLE} in the process's environment (Linux: /proc/pid/environ). */
    static Optional<String> ownerOf(ProcessHandle process) {
        String prefix = OwnedProcesses.VARIABLE + "=";
        for (String entry : OwnedProcesses.read(Path.of("/proc", Long.toString(process.pid()), "environ")).split("\0")) {
            if (entry.startsWith(prefix)) {
                return Optional.of(entry.substring(prefix.length()));
            }
        }
        return Optional.empty();
    }

    /**
     * Throwaway PostgreSQL folders whose lock files no live process holds: zonky's {@code epg*} data
     * folders (zonky's {@code epg-lock}) and {@link fi.arki.ui.resilience.OwnPostgres}'s
     * {@code arki-own-pg*} folders (its {@code owner.lock}, held from start to close, also while its
     * server is stopped on purpose, with the data in {@code data/}).
     */
    static List<Path> postgresFolders() {
        Set<Long> locked = lockedInodes();
        return children(f -> f.startsWith("epg") || f.startsWith("arki-own-pg")).filter(folder -> {
            Path lock = folder.getFileName().toString().startsWith("epg") ? folder.resolve("epg-lock") : folder.resolve("owner.lock");
            if (!Files.isRegularFile(lock) || !olderThan(lock, SETTLED)) {
                return false;
            }
            try {
                return !locked.contains((Long) Files.getAttribute(lock, "unix:ino"));
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                return false;
            }
        }).toList();
    }

    /** Inodes with a lock on them (/proc/locks: "1: POSIX ADVISORY WRITE pid maj:min:inode start end"). */
    static Set<Long> lockedInodes() {
        Set<Long> inodes = new HashSet<>();
        for (String line : OwnedProcesses.read(Path.of("/proc/locks")).split("\n")) {
            String[] fields = line.trim().split("\\s+");
            for (String f : fields) {
                String[] parts = f.split(":");
                if (parts.length == 3 && !f.endsWith(":")) {
                    try {
                        inodes.add(Long.parseLong(parts[2]));
                    } catch (NumberFormatException notThisField) {
                        // another field with colons
                    }
                }
            }
        }
        return inodes;
    }

    private static void stopAndDeletePostgres(Path folder) {
        Path data = Files.isDirectory(folder.resolve("data")) ? folder.resolve("data") : folder;
        Path pidFile = data.resolve("postmaster.pid");
        if (Files.isRegularFile(pidFile)) {
            String first = OwnedProcesses.read(pidFile).lines().findFirst().orElse("").strip();
            try {
                ProcessHandle.of(Long.parseLong(first))
                        .filter(p -> commandLine(p).contains(data.toString()))
                        .ifPresent(postmaster -> {
                            report("PostgreSQL " + postmaster.pid() + " on " + folder);
                            // SIGTERM: a smart shutdown, which its dead clients do not hold up
                            OwnedProcesses.stop(postmaster, Duration.ofSeconds(60));
                        });
            } catch (NumberFormatException e) {
                // a half-written pid file: no server came up
            }
        }
        report("PostgreSQL data folder " + folder);
        OwnedProcesses.deleteRecursively(folder);
    }

    /** Profile folders no running process names (Chromium gets {@code --user-data-dir=<folder>}). */
    static List<Path> chromiumProfiles() {
        List<Path> candidates = children(f -> f.startsWith("arki-chromium")).filter(f -> olderThan(f, SETTLED)).toList();
        if (candidates.isEmpty()) {
            return candidates;
        }
        String commandLines = String.join("\n", processes().map(Leftovers::commandLine).toList());
        return candidates.stream().filter(f -> !commandLines.contains(f.toString())).toList();
    }

    /** The whole command line (/proc/pid/cmdline; ProcessHandle.Info may shorten it). */
    public static String commandLine(ProcessHandle process) {
        return OwnedProcesses.read(Path.of("/proc", Long.toString(process.pid()), "cmdline")).replace('\0', ' ');
    }

    private static Stream<Path> children(java.util.function.Predicate<String> name) {
        try (Stream<Path> all = Files.list(TMP)) {
            return all.filter(Files::isDirectory).filter(p -> name.test(p.getFileName().toString())).toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    private static boolean olderThan(Path path, Duration age) {
        try {
            return Files.getLastModifiedTime(path).toInstant().isBefore(Instant.now().minus(age));
        } catch (IOException e) {
            return false;
        }
    }

    private static void report(String what) {
        System.err.println("Leftover of an earlier test run removed: " + what);
    }
}
