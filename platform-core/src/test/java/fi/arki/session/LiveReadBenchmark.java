package fi.arki.session;

import fi.arki.testing.ArkiIntegrationTest;
import fi.arki.testing.TestDeckCatalog;
import fi.arki.tenancy.TenantContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The live read: {@link SessionManagement#state} (the read {@link LiveStates} makes once per change
 * and node) of a session with {@code bench.participants} participants and rows of every kind
 * ({@link LiveSessionFixture}), timed after a warm-up. Baseline of the same run:
 * {@link SessionManagement#find} of the same session, a read of the session row and its small
 * lists only, so that a before/after comparison can divide out how loaded the machine was.
 *
 * <p>Not part of the test suite (the name ends in Benchmark): {@code bench/live-read.sh}. Prints
 * one JSON line and appends it to {@code target/bench/live-read.jsonl}. Asserts nothing.
 */
@ArkiIntegrationTest
@Import(TestDeckCatalog.Config.class)
class LiveReadBenchmark {

    static final int PARTICIPANTS = Integer.getInteger("bench.participants", 30);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 500);
    static final String LABEL = System.getProperty("bench.label", "");

    @Autowired ApplicationContext context;
    @Autowired SessionManagement sessions;

    @Test
    void live_read() throws Exception {
        LiveSessionFixture.Written written = new LiveSessionFixture(context).write(SessionMode.ANONYMOUS, PARTICIPANTS);
        SessionId id = written.session().id();
        Supplier<Object> state = () -> TenantContext.callAs(written.tenant(), () -> sessions.state(id));
        Supplier<Object> find = () -> TenantContext.callAs(written.tenant(), () -> sessions.find(id));
        time(state, ROUNDS / 2);
        time(find, ROUNDS / 2);
        // interleaved, so that a burst of load on the machine hits both alike
        List<Long> stateNanos = new ArrayList<>();
        List<Long> findNanos = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            stateNanos.addAll(time(state, ROUNDS / 10));
            findNanos.addAll(time(find, ROUNDS / 10));
        }
        String json = String.format(Locale.ROOT,
                "{\"benchmark\":\"live-read\",\"label\":\"%s\",\"participants\":%d,\"answers\":%d,\"rounds\":%d,"
                        + "\"state_p50_ms\":%.2f,\"state_p95_ms\":%.2f,\"baseline_find_p50_ms\":%.2f,\"baseline_find_p95_ms\":%.2f,"
                        + "\"load\":\"%s\"}",
                LABEL, PARTICIPANTS, written.answers().size(), stateNanos.size(), ms(stateNanos, 50), ms(stateNanos, 95),
                ms(findNanos, 50), ms(findNanos, 95), Files.readString(Path.of("/proc/loadavg")).substring(0, 14));
        System.out.println(json);
        Path out = Path.of("target", "bench", "live-read.jsonl");
        Files.createDirectories(out.getParent());
        Files.writeString(out, json + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static List<Long> time(Supplier<Object> read, int rounds) {
        List<Long> nanos = new ArrayList<>(rounds);
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            read.get();
            nanos.add(System.nanoTime() - t0);
        }
        return nanos;
    }

    static double ms(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) (p / 100.0 * sorted.size()))) / 1e6;
    }
}
