package fi.arki.session.internal;

import fi.arki.session.LiveSessionFixture;
import fi.arki.session.LiveStates;
import fi.arki.session.SessionId;
import fi.arki.session.SessionManagement;
import fi.arki.session.SessionMode;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.testing.ArkiIntegrationTest;
import fi.arki.testing.TestDeckCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The live read: {@link SessionManagement#state} (what {@link LiveStates} reads once per change and
 * node) of a session with {@code bench.participants} participants and rows of every kind
 * ({@link LiveSessionFixture}), timed after a warm-up; and inside it {@link Sessions#load} (one
 * statement, {@link SessionSnapshotQuery}) against the thirteen-statement read it replaced
 * ({@link LegacyLiveRead}), each in its own read-only transaction as {@code state} has. Baseline of
 * the same run: {@link SessionManagement#find} of the same session. All four interleaved, so that a
 * burst of load on the machine hits them alike.
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
    @Autowired Sessions rows;
    @Autowired DSLContext db;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void live_read() throws Exception {
        LiveSessionFixture.Written written = new LiveSessionFixture(context).write(SessionMode.ANONYMOUS, PARTICIPANTS);
        SessionId id = written.session().id();
        TenantId tenant = written.tenant();
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        LegacyLiveRead legacy = new LegacyLiveRead(db);
        Supplier<Object> state = () -> TenantContext.callAs(tenant, () -> sessions.state(id));
        Supplier<Object> snapshot = () -> TenantContext.callAs(tenant, () -> readOnly.execute(s -> rows.load(id)));
        Supplier<Object> before = () -> TenantContext.callAs(tenant, () -> readOnly.execute(s -> legacy.load(id)));
        Supplier<Object> find = () -> TenantContext.callAs(tenant, () -> sessions.find(id));
        List<Supplier<Object>> reads = List.of(state, snapshot, before, find);
        reads.forEach(read -> time(read, ROUNDS / 2));
        List<List<Long>> nanos = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < reads.size(); i++) {
                nanos.get(i).addAll(time(reads.get(i), ROUNDS / 10));
            }
        }
        String json = String.format(Locale.ROOT,
                "{\"benchmark\":\"live-read\",\"label\":\"%s\",\"participants\":%d,\"answers\":%d,\"rounds\":%d,"
                        + "\"state_p50_ms\":%.2f,\"state_p95_ms\":%.2f,\"load_one_statement_p50_ms\":%.2f,\"load_one_statement_p95_ms\":%.2f,"
                        + "\"load_13_statements_p50_ms\":%.2f,\"load_13_statements_p95_ms\":%.2f,"
                        + "\"baseline_find_p50_ms\":%.2f,\"baseline_find_p95_ms\":%.2f,\"load\":\"%s\"}",
                LABEL, PARTICIPANTS, written.answers().size(), nanos.getFirst().size(),
                ms(nanos.get(0), 50), ms(nanos.get(0), 95), ms(nanos.get(1), 50), ms(nanos.get(1), 95),
                ms(nanos.get(2), 50), ms(nanos.get(2), 95), ms(nanos.get(3), 50), ms(nanos.get(3), 95),
                Files.readString(Path.of("/proc/loadavg")).substring(0, 14));
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
