package fi.arki.ui.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What a test JVM killed with SIGKILL leaves (a child still running, an embedded PostgreSQL whose
 * data folder no one holds, a browser profile) is found by the next run and removed; what a live
 * JVM holds is left alone. The "postmaster" here is a shell named after its data folder (the sweep
 * recognises a postmaster by the pid file and its data folder on the command line, as pg_ctl's is).
 */
@Tag("integration")
class LeftoversTests {

    static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));
    static final FileTime LONG_AGO = FileTime.from(Instant.now().minus(Duration.ofHours(1)));

    @Test
    void a_dead_jvms_processes_and_folders_are_removed_and_a_live_ones_are_kept() throws Exception {
        // a child of a JVM that no longer runs (no such pid)
        Process orphan = new ProcessBuilder("sh", "-c", "exec sleep 600").start();
        Process orphanWithEnvironment = marked("999999999@0", "sleep 600");
        // one of this JVM's: kept
        Process mine = OwnedProcesses.mark(new ProcessBuilder("sh", "-c", "exec sleep 600")).start();

        Path deadData = Files.createTempDirectory(TMP, "epg");
        Files.createFile(deadData.resolve("epg-lock"));
        Process deadPostmaster = new ProcessBuilder("sh", "-c", "sleep 600; true", deadData.toString()).start();
        Files.writeString(deadData.resolve("postmaster.pid"), deadPostmaster.pid() + "\n" + deadData + "\n");
        Files.setLastModifiedTime(deadData.resolve("epg-lock"), LONG_AGO);

        Path liveData = Files.createTempDirectory(TMP, "arki-own-pg");
        Path liveLock = liveData.resolve("owner.lock");
        Path deadProfile = Files.createTempDirectory(TMP, "arki-chromium");
        Files.setLastModifiedTime(deadProfile, LONG_AGO);
        Path freshProfile = Files.createTempDirectory(TMP, "arki-chromium");
        Files.createFile(liveLock);
        // before the lock: setting a time opens and closes the file, and any close drops the process's POSIX locks on it
        Files.setLastModifiedTime(liveLock, LONG_AGO);
        try (FileChannel channel = FileChannel.open(liveLock, StandardOpenOption.WRITE);
             FileLock held = channel.lock()) {

            // the children have become what they were started as (before exec, /proc shows the JVM's launcher)
            org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(1)).until(() ->
                    Leftovers.ownerOf(orphanWithEnvironment.toHandle()).isPresent() && Leftovers.ownerOf(mine.toHandle()).isPresent()
                            && Leftovers.commandLine(deadPostmaster.toHandle()).contains(deadData.toString()));
            Leftovers.sweepNow();

            assertThat(orphanWithEnvironment.onExit().get(1, java.util.concurrent.TimeUnit.MINUTES).isAlive()).isFalse();
            assertThat(deadPostmaster.onExit().get(1, java.util.concurrent.TimeUnit.MINUTES).isAlive()).isFalse();
            assertThat(deadData).as("the dead JVM's PostgreSQL folder").doesNotExist();
            assertThat(deadProfile).as("a profile no browser uses").doesNotExist();
            assertThat(mine.isAlive()).as("this JVM's own child").isTrue();
            assertThat(orphan.isAlive()).as("an unmarked process is not ours to judge").isTrue();
            assertThat(liveData).as("a PostgreSQL folder a live JVM holds").exists();
            assertThat(freshProfile).as("a profile a browser may be about to use").exists();
        } finally {
            for (Process p : java.util.List.of(orphan, orphanWithEnvironment, mine, deadPostmaster)) {
                p.destroyForcibly();
            }
            OwnedProcesses.deleteRecursively(liveData);
            OwnedProcesses.deleteRecursively(freshProfile);
            OwnedProcesses.deleteRecursively(deadData);
            OwnedProcesses.deleteRecursively(deadProfile);
        }
    }

    /** SIGTERM (Maven stopped, Ctrl-C): the JVM's hook stops its children and deletes its folders. */
    @Test
    void a_jvm_stopped_with_sigterm_leaves_nothing() throws Exception {
        Process jvm = childJvm();
        Child child = Child.of(jvm);
        assertThat(child.process().isAlive()).isTrue();
        assertThat(child.folder()).exists();

        jvm.destroy();

        assertThat(jvm.onExit().get(3, TimeUnit.MINUTES).isAlive()).isFalse();
        child.process().onExit().get(1, TimeUnit.MINUTES);
        assertThat(child.process().isAlive()).as("the child of a JVM ended with SIGTERM").isFalse();
        assertThat(child.folder()).doesNotExist();
    }

    /** SIGKILL runs no hook: what is left is found by the next run's sweep, and only that. */
    @Test
    void what_a_jvm_killed_with_sigkill_leaves_the_next_sweep_removes() throws Exception {
        Process jvm = childJvm();
        Child child = Child.of(jvm);

        jvm.destroyForcibly().onExit().get(3, TimeUnit.MINUTES);
        assertThat(child.process().isAlive()).as("SIGKILL left the child running").isTrue();

        Leftovers.sweepNow();

        child.process().onExit().get(1, TimeUnit.MINUTES);
        assertThat(child.process().isAlive()).isFalse();
        // the folder was not given to anyone but the dead JVM's hook: it is an ordinary temporary file now
        OwnedProcesses.deleteRecursively(child.folder());
    }

    record Child(ProcessHandle process, Path folder) {
        static Child of(Process jvm) throws java.io.IOException {
            var out = new java.io.BufferedReader(new java.io.InputStreamReader(jvm.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).as("the child JVM's report").isNotNull();
            String[] parts = line.split(" ", 2);
            return new Child(ProcessHandle.of(Long.parseLong(parts[0])).orElseThrow(), Path.of(parts[1]));
        }
    }

    /** The child JVM: starts a marked child and a folder to delete at exit, says which, and waits to be stopped. */
    public static void main(String[] args) throws Exception {
        Process child = OwnedProcesses.mark(new ProcessBuilder("sh", "-c", "exec sleep 600")).start();
        Path folder = OwnedProcesses.deleteAtExit(Files.createTempDirectory(TMP, "arki-at-exit"));
        Files.writeString(folder.resolve("inside"), "x");
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> Leftovers.ownerOf(child.toHandle()).isPresent());
        System.out.println(child.pid() + " " + folder);
        System.out.flush();
        // until a signal ends this JVM; the test's child is reached only through the hook
        child.waitFor();
    }

    private static Process childJvm() throws java.io.IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:auto",
                "-cp", testClasspath(), LeftoversTests.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** This JVM's class path (surefire may hand it over in a manifest-only jar). */
    private static String testClasspath() throws java.io.IOException {
        String classpath = System.getProperty("java.class.path");
        String[] entries = classpath.split(java.io.File.pathSeparator);
        if (entries.length == 1 && entries[0].contains("surefirebooter")) {
            try (var jar = new java.util.jar.JarFile(entries[0])) {
                return java.util.Arrays.stream(jar.getManifest().getMainAttributes().getValue("Class-Path").split(" "))
                        .filter(s -> !s.isBlank()).map(s -> Path.of(java.net.URI.create(s)).toString())
                        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
            }
        }
        return classpath;
    }

    private static Process marked(String owner, String command) throws java.io.IOException {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", "exec " + command);
        builder.environment().put(OwnedProcesses.VARIABLE, owner);
        return builder.start();
    }
}
