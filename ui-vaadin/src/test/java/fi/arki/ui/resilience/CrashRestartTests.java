package fi.arki.ui.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * T-26: {@code ./arki run} on its embedded PostgreSQL, killed with SIGKILL, starts again on the
 * same data directory — the postmaster the dead JVM left behind (re-parented to init, still holding
 * the directory) is stopped and the new start proceeds; while an Arki lives on the directory, a
 * second one refuses with a message saying why.
 */
@Tag("integration")
class CrashRestartTests {

    private Path work;
    private Path data;
    /** Every postmaster seen on the directory, stopped at the end whatever happened. */
    private final Set<Long> postmasters = new HashSet<>();

    @BeforeEach
    void directory() throws IOException {
        work = Files.createTempDirectory("arki-crash-restart");
        data = work.resolve("pg");
    }

    @Test
    void after_kill_minus_9_the_app_starts_again_on_its_data_directory_and_a_second_live_app_refuses() throws Exception {
        AppProcess first = AppProcess.startEmbedded(data, "crash-first");
        long postmaster = postmaster().orElseThrow();
        postmasters.add(postmaster);
        first.kill();
        assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive))
                .as("the postmaster outlives its killed JVM (what made the next start give up)").isPresent();

        try (AppProcess again = AppProcess.startEmbedded(data, "crash-again")) {
            postmaster().ifPresent(postmasters::add);
            assertThat(again.log()).contains("left by a crashed Arki; stopping it");
            assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive)).as("the leftover server was stopped").isEmpty();
            long running = postmaster().orElseThrow();
            assertThat(running).as("the new start runs its own server").isNotEqualTo(postmaster);

            AppProcess.Exit second = AppProcess.startEmbeddedExpectingExit(data, "crash-second");
            assertThat(second.code()).as(second.output()).isNotZero();
            assertThat(second.output()).contains("is in use by another running Arki");
            assertThat(ProcessHandle.of(running).filter(ProcessHandle::isAlive))
                    .as("the refused start left the live app's server alone").isPresent();
        }
    }

    private Optional<Long> postmaster() throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream().findFirst().map(String::strip).map(Long::parseLong);
    }

    @AfterEach
    void stopLeftoversAndDelete() throws IOException {
        postmaster().ifPresent(postmasters::add);
        for (long pid : postmasters) {
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(p -> {
                p.destroy(); // SIGTERM: PostgreSQL's smart shutdown, no clients are left
                Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> !p.isAlive());
            });
        }
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
