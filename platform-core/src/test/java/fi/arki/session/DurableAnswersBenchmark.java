package fi.arki.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.testing.ArkiIntegrationTest;
import fi.arki.testing.TestDatabase;
import fi.arki.testing.TestDeckCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The highest durable-answer rate this node sustains through the real write path
 * ({@link ParticipantManagement#writeAnswer}: one transaction, RLS, commit with fsync, the after-commit
 * announcement and the cross-node NOTIFY) on the durably configured embedded PostgreSQL, found by
 * stepping the offered rate up (open loop, each step {@code bench.seconds} long, ×{@code bench.factor})
 * until a step is not good, then holding the last good rate for {@code bench.confirm-seconds}.
 * A step is good when every answer was acknowledged (0 failed), every acknowledged id is stored
 * exactly once (0 lost, 0 duplicated: looked up after the step), the achieved rate is at least 97 % of
 * the offered one (the in-flight cap would otherwise hide a backlog) and its p95 stays within
 * {@code bench.max-p95-ms}. Baseline of the same run, before and after the steps (the machine is
 * shared and its load moves): plain single-row insert commits over JDBC on as many connections as
 * Arki's pool (what pgbench's single-row script measures).
 *
 * <p>Not part of the test suite (the name ends in Benchmark): {@code bench/durable-answers.sh}.
 * Prints one JSON line per step and a summary, and writes them to {@code target/bench/durable-answers.jsonl}.
 */
@ArkiIntegrationTest
@Import(TestDeckCatalog.Config.class)
class DurableAnswersBenchmark {

    static final int START_RATE = Integer.getInteger("bench.rate", 100);
    static final double FACTOR = Double.parseDouble(System.getProperty("bench.factor", "1.5"));
    static final int MAX_RATE = Integer.getInteger("bench.max-rate", 50_000);
    static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    static final int CONFIRM_SECONDS = Integer.getInteger("bench.confirm-seconds", 30);
    static final int BASELINE_SECONDS = Integer.getInteger("bench.baseline-seconds", 10);
    static final double MAX_P95_MS = Double.parseDouble(System.getProperty("bench.max-p95-ms", "250"));
    static final int SESSIONS = Integer.getInteger("bench.sessions", 20);
    static final int PARTICIPANTS = Integer.getInteger("bench.participants", 50);
    static final int IN_FLIGHT = Integer.getInteger("bench.in-flight", 64);
    static final String TEXT = "Asiakkaan palaute käsitellään viikkopalaverissa ja siitä sovitaan seuraava askel.";

    @Autowired TenantManagement tenants;
    @Autowired DirectoryManagement directory;
    @Autowired SessionManagement sessions;
    @Autowired fi.arki.session.SessionStartManagement starts;
    @Autowired ParticipantManagement participants;
    @Autowired DataSource dataSource;

    @Autowired fi.arki.session.JoinManagement joins;
    record Seat(SessionId session, ParticipantId participant) {
    }

    @Test
    void maximum_sustained_durable_answers_per_second() throws Exception {
        TenantId tenant = TenantId.random();
        tenants.create(tenant, "bench-" + tenant.value().toString().substring(0, 8), "Benchmark");
        List<Seat> seats = new ArrayList<>();
        TenantContext.runAs(tenant, () -> {
            Team team = directory.createTeam(directory.createUnit("Unit").id(), "Team");
            Person facilitator = directory.addPerson("Facilitator", null, null);
            directory.grantRole(facilitator.id(), Role.FACILITATOR);
            // starts sessions for teams it is not in: only an administrator may (StartableTeams)
            directory.grantRole(facilitator.id(), Role.TENANT_ADMIN);
            for (int s = 0; s < SESSIONS; s++) {
                SessionInfo info = starts.startFor(facilitator.id(), new SessionStart(List.of(team.id()), TestDeckCatalog.DECK,
                        List.of("competence"), SessionMode.ANONYMOUS, null));
                for (int p = 0; p < PARTICIPANTS; p++) {
                    seats.add(new Seat(info.id(), joins.join(info.id(), Joiner.guest(null, null, Language.FI)).participant()));
                }
            }
        });
        Path out = Path.of("target", "bench", "durable-answers.jsonl");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "");
        String loadStart = load();
        int connections = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
        double baselineBefore = baselineInsertsPerSecond(connections, BASELINE_SECONDS);

        // unmeasured: the JIT compiles the write path first, as on a server that has run for a while
        run(tenant, seats, START_RATE, 3);
        Step lastGood = null;
        Step stopped = null;
        for (double rate = START_RATE; rate <= MAX_RATE; rate *= FACTOR) {
            Step step = measure(tenant, seats, (int) rate, SECONDS);
            emit(out, step.json("step"));
            if (!step.good()) {
                stopped = step;
                break;
            }
            lastGood = step;
        }
        // held for longer at the last good rate (or at the first rate, when not even that was good)
        Step confirmed = measure(tenant, seats, lastGood == null ? START_RATE : lastGood.offered, CONFIRM_SECONDS);
        emit(out, confirmed.json("confirm"));
        double baselineAfter = baselineInsertsPerSecond(connections, BASELINE_SECONDS);
        double baseline = (baselineBefore + baselineAfter) / 2;
        int found = lastGood == null ? 0 : lastGood.offered; // reported either way: "confirmed" says whether it held for longer
        emit(out, String.format(Locale.ROOT,
                "{\"benchmark\":\"durable-answers-max\",\"max_sustained_rate_per_s\":%d,\"confirmed_%ds\":%s,"
                        + "\"confirm_achieved_per_s\":%.0f,\"confirm_p50_ms\":%.1f,\"confirm_p95_ms\":%.1f,\"confirm_p99_ms\":%.1f,"
                        + "\"lost\":%d,\"duplicated\":%d,\"stopped_at_rate\":%s,\"stopped_because\":\"%s\","
                        + "\"baseline_jdbc_insert_commits_per_s_before\":%.0f,\"baseline_after\":%.0f,\"baseline_connections\":%d,"
                        + "\"max_vs_baseline\":%.2f,\"sessions\":%d,\"participants\":%d,\"in_flight\":%d,\"load_start\":\"%s\",\"load\":\"%s\"}",
                found, CONFIRM_SECONDS, confirmed.good(), confirmed.achieved(), confirmed.result.percentile(50),
                confirmed.result.percentile(95), confirmed.result.percentile(99), confirmed.lost, confirmed.duplicated,
                stopped == null ? "null" : String.valueOf(stopped.offered), stopped == null ? "max-rate reached" : stopped.why(),
                baselineBefore, baselineAfter, connections, found / baseline, SESSIONS, PARTICIPANTS * SESSIONS, IN_FLIGHT, loadStart, load()));
        assertThat(confirmed.lost).isZero();
        assertThat(confirmed.duplicated).isZero();
    }

    static String load() throws java.io.IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }

    static void emit(Path out, String json) throws java.io.IOException {
        System.out.println(json);
        Files.writeString(out, json + "\n", StandardOpenOption.APPEND);
    }

    Step measure(TenantId tenant, List<Seat> seats, int rate, int seconds) throws Exception {
        Result result = run(tenant, seats, rate, seconds);
        Verification v = verify(tenant, result);
        return new Step(rate, seconds, result, v.lost, v.duplicated);
    }

    record Step(int offered, int seconds, Result result, long lost, long duplicated) {
        double achieved() {
            return result.acknowledged.size() / (result.elapsedMs / 1000.0);
        }

        String why() {
            List<String> reasons = new ArrayList<>();
            if (result.failed.get() > 0) {
                reasons.add(result.failed.get() + " failed");
            }
            if (lost > 0 || duplicated > 0) {
                reasons.add(lost + " lost, " + duplicated + " duplicated");
            }
            if (achieved() < 0.97 * offered) {
                reasons.add(String.format(Locale.ROOT, "achieved %.0f of %d/s", achieved(), offered));
            }
            if (!(result.percentile(95) <= MAX_P95_MS)) {
                reasons.add(String.format(Locale.ROOT, "p95 %.0f ms > %.0f ms", result.percentile(95), MAX_P95_MS));
            }
            return String.join("; ", reasons);
        }

        boolean good() {
            return why().isEmpty();
        }

        String json(String kind) throws java.io.IOException {
            return String.format(Locale.ROOT,
                    "{\"benchmark\":\"durable-answers-%s\",\"offered_per_s\":%d,\"seconds\":%d,\"acknowledged\":%d,\"failed\":%d,"
                            + "\"achieved_per_s\":%.0f,\"p50_ms\":%.1f,\"p95_ms\":%.1f,\"p99_ms\":%.1f,\"lost\":%d,\"duplicated\":%d,"
                            + "\"good\":%s,\"why_not\":\"%s\",\"load\":\"%s\"}",
                    kind, offered, seconds, result.acknowledged.size(), result.failed.get(), achieved(), result.percentile(50),
                    result.percentile(95), result.percentile(99), lost, duplicated, good(), why(), load());
        }
    }

    static final class Result {
        final Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
        final AtomicInteger failed = new AtomicInteger();
        final ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
        long elapsedMs;

        double percentile(int p) {
            List<Long> sorted = new ArrayList<>(latenciesMicros);
            Collections.sort(sorted);
            return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) (p / 100.0 * sorted.size()))) / 1000.0;
        }
    }

    /** Open loop: answers are issued on schedule whether or not earlier ones are done (at most IN_FLIGHT waiting). */
    Result run(TenantId tenant, List<Seat> seats, int rate, int seconds) throws InterruptedException {
        Result result = new Result();
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        AtomicLong sequence = new AtomicLong();
        long total = (long) rate * seconds;
        long start = System.nanoTime();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < total; i++) {
                long due = start + (long) (i * 1_000_000_000.0 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                inFlight.acquire();
                Seat seat = seats.get((int) (sequence.getAndIncrement() % seats.size()));
                UUID id = UUID.randomUUID();
                workers.execute(() -> {
                    long t0 = System.nanoTime();
                    try {
                        TenantContext.runAs(tenant, () -> participants.writeAnswer(seat.session(), seat.participant(), 1, id, null, TEXT));
                        result.acknowledged.add(id);
                        result.latenciesMicros.add((System.nanoTime() - t0) / 1000);
                    } catch (RuntimeException e) {
                        result.failed.incrementAndGet();
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        result.elapsedMs = (System.nanoTime() - start) / 1_000_000;
        return result;
    }

    record Verification(long lost, long duplicated) {
    }

    /** Looks up this step's acknowledged ids: each must be stored exactly once. */
    Verification verify(TenantId tenant, Result result) throws Exception {
        Map<UUID, Integer> stored = new HashMap<>();
        try (Connection c = TestDatabase.superuser().getConnection();
             PreparedStatement ps = c.prepareStatement("select id, count(*) from answer where tenant_id = ? and id = any(?) group by id")) {
            ps.setObject(1, tenant.value());
            ps.setArray(2, c.createArrayOf("uuid", result.acknowledged.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getObject(1, UUID.class), rs.getInt(2));
                }
            }
        }
        long lost = result.acknowledged.stream().filter(id -> !stored.containsKey(id)).count();
        long duplicated = stored.values().stream().filter(n -> n > 1).count();
        return new Verification(lost, duplicated);
    }

    /** The same machine's limit: single-row insert commits over plain JDBC, as many connections as Arki's pool. */
    double baselineInsertsPerSecond(int connections, int seconds) throws Exception {
        try (Connection c = TestDatabase.superuser().getConnection()) {
            c.createStatement().execute("create table if not exists bench_insert (id uuid primary key, session_id int, body text)");
        }
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < connections; t++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try (Connection c = TestDatabase.superuser().getConnection();
                     PreparedStatement ps = c.prepareStatement("insert into bench_insert values (?, ?, ?)")) {
                    while (System.nanoTime() < end) {
                        ps.setObject(1, UUID.randomUUID());
                        ps.setInt(2, (int) (done.get() % 1000));
                        ps.setString(3, TEXT);
                        ps.executeUpdate();
                        done.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        try (Connection c = TestDatabase.superuser().getConnection()) {
            c.createStatement().execute("drop table bench_insert");
        }
        return done.get() / (double) seconds;
    }
}
