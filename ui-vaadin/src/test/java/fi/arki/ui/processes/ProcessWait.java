package fi.arki.ui.processes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * Waiting for a child process (Keycloak, Arki, a tool) to get somewhere. The wait polls the
 * condition, ignoring its exceptions (a port not yet open), but fails the moment the process has
 * exited, instead of waiting out the timeout: either way the failure carries the process's last log
 * lines, which is where the reason is.
 */
public final class ProcessWait {

    /** Lines of the log a failure shows. */
    static final int TAIL = 40;

    private ProcessWait() {
    }

    /**
     * Waits up to {@code atMost} for {@code ready} while {@code process} lives.
     *
     * @throws IllegalStateException at once when the process exits, or at the timeout; its message
     *                               names {@code what}, the exit code and the log's last lines
     */
    public static void until(String what, Process process, Path log, Duration atMost, Callable<Boolean> ready) {
        try {
            Awaitility.await(what).atMost(atMost).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .failFast(what + ": the process exited", () -> !process.isAlive())
                    .until(ready);
        } catch (TerminalFailureException e) {
            throw new IllegalStateException(what + ": the process exited with code " + exitCode(process)
                    + "; the last lines of " + log + ":\n" + tail(log), e);
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(what + ": not within " + atMost + " (the process is still running); the last lines of "
                    + log + ":\n" + tail(log), e);
        }
    }

    /** The last {@value #TAIL} lines of a log, or why there are none. */
    public static String tail(Path log) {
        try {
            List<String> lines = List.of(new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\\R"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static String exitCode(Process process) {
        try {
            return Integer.toString(process.exitValue());
        } catch (IllegalThreadStateException stillRunning) {
            return "(still running)";
        }
    }
}
