package fi.arki.ui.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A wait on a child process fails the moment the process is dead, and says why (its log's end). */
@Tag("integration")
class ProcessWaitTests {

    static final Duration PATIENCE = Duration.ofMinutes(5);

    @Test
    void a_process_that_dies_fails_the_wait_at_once_with_its_last_log_lines(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("boom.log");
        Process process = OwnedProcesses.mark(new ProcessBuilder("sh", "-c", "echo starting; echo boom; exit 3"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long started = System.nanoTime();

        assertThatThrownBy(() -> ProcessWait.until("never ready", process, log, PATIENCE, () -> false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("never ready: the process exited with code 3")
                .hasMessageContaining("starting\nboom");
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        // not the five minutes' patience: the dead process ends the wait (a fifth of it leaves room for a loaded machine)
        assertThat(waited).isLessThan(PATIENCE.dividedBy(5));
    }

    @Test
    void a_process_that_gets_ready_passes_and_a_slow_one_times_out_with_its_log(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("slow.log");
        Path flag = dir.resolve("ready");
        Process process = OwnedProcesses.mark(new ProcessBuilder("sh", "-c", "echo still here; touch '" + flag + "'; exec sleep 600"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            ProcessWait.until("the flag", process, log, PATIENCE, () -> Files.exists(flag));

            AtomicBoolean asked = new AtomicBoolean();
            assertThatThrownBy(() -> ProcessWait.until("something that never comes", process, log, Duration.ofSeconds(2), () -> {
                asked.set(true);
                return false;
            }))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("something that never comes: not within PT2S (the process is still running)")
                    .hasMessageContaining("still here");
            assertThat(asked).isTrue();
        } finally {
            OwnedProcesses.stop(process.toHandle(), Duration.ofSeconds(10));
        }
        assertThat(process.isAlive()).isFalse();
    }

    @Test
    void the_tail_is_the_last_forty_lines(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("long.log");
        Files.write(log, java.util.stream.IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i).toList());
        String tail = ProcessWait.tail(log);
        assertThat(tail.lines()).hasSize(40).first().isEqualTo("line 61");
        assertThat(tail.lines()).last().isEqualTo("line 100");
    }
}
