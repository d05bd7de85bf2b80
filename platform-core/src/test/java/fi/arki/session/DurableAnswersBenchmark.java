package fi.arki.session;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Durable answers per second through the real write path ({@link ParticipantManagement#writeAnswer}:
 * one transaction, RLS, commit with fsync, the after-commit announcement and the cross-node NOTIFY),
 * at a fixed arrival rate for a fixed time, on the durably configured embedded PostgreSQL. Every
 * acknowledged id is then looked up: lost (acknowledged, not stored) and duplicated must be 0.
 * Then a one-second burst, and the baseline of the same run: plain single-row insert commits
 * over JDBC with the same number of connections (what pgbench's single-row script measures).
 *
 * <p>Not part of the test suite (the name ends in Benchmark): {@code bench/durable-answers.sh}.
 * Prints one JSON line and appends it to {@code target/bench/durable-answers.jsonl}.
 */
@ArkiIntegrationTest
@Import(TestDeckCatalog.Config.class)
class DurableAnswersBenchmark {

    static final int RATE = Integer.getInteger("bench.rate", 2000);
    static final int SECONDS = Integer.getInteger("bench.seconds", 60);
    static final int SESSIONS = Integer.getInteger("bench.sessions", 20);
    static final int PARTICIPANTS = Integer.getInteger("bench.participants", 50);
    static final int IN_FLIGHT = Integer.getInteger("bench.in-flight", 64);

    @Autowired TenantManagement tenants;
    @Autowired DirectoryManagement directory;
    @Autowired SessionManagement sessions;
    @Autowired fi.arki.session.SessionStartManagement starts;
    @Autowired ParticipantManagement participants;

    @Autowired fi.arki.session.JoinManagement joins;
    record Seat(SessionId session, ParticipantId participant) {
    }

    @Test
    void durable_answers_per_second() throws Exception {
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

        Result arki = run(tenant, seats, RATE, SECONDS);
        Result burst = run(tenant, seats, RATE * 2, 1);
        double baseline = baselineInsertsPerSecond(Math.min(10, SECONDS));
        Verification verified = verify(tenant, arki, burst);

        String json = String.format(java.util.Locale.ROOT,
                "{\"benchmark\":\"durable-answers\",\"target_rate\":%d,\"seconds\":%d,\"sessions\":%d,\"participants\":%d,"
                        + "\"acknowledged\":%d,\"failed\":%d,\"achieved_per_s\":%.0f,\"latency_p50_ms\":%.1f,\"latency_p95_ms\":%.1f,"
                        + "\"latency_p99_ms\":%.1f,\"burst_sent\":%d,\"burst_drained_ms\":%d,\"burst_p95_ms\":%.1f,"
                        + "\"lost\":%d,\"duplicated\":%d,\"stored_not_acknowledged\":%d,"
                        + "\"baseline_jdbc_insert_commits_per_s\":%.0f,\"achieved_vs_baseline\":%.2f,\"load\":\"%s\"}",
                RATE, SECONDS, SESSIONS, PARTICIPANTS * SESSIONS, arki.acknowledged.size(), arki.failed.get(),
                arki.acknowledged.size() / (arki.elapsedMs / 1000.0), arki.percentile(50), arki.percentile(95), arki.percentile(99),
                burst.acknowledged.size() + burst.failed.get(), burst.elapsedMs, burst.percentile(95),
                verified.lost, verified.duplicated, verified.extra, baseline,
                (arki.acknowledged.size() / (arki.elapsedMs / 1000.0)) / baseline, Files.readString(Path.of("/proc/loadavg")).substring(0, 14));
        System.out.println(json);
        Path out = Path.of("target", "bench", "durable-answers.jsonl");
        Files.createDirectories(out.getParent());
        Files.writeString(out, json + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        assertThat(verified.lost).isZero();
        assertThat(verified.duplicated).isZero();
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
                        TenantContext.runAs(tenant, () -> participants.writeAnswer(seat.session(), seat.participant(), 1, id, null,
                                "Asiakkaan palaute käsitellään viikkopalaverissa ja siitä sovitaan seuraava askel."));
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

    record Verification(long lost, long duplicated, long extra) {
    }

    Verification verify(TenantId tenant, Result... results) throws Exception {
        Map<UUID, Integer> stored = new HashMap<>();
        try (Connection c = TestDatabase.superuser().getConnection();
             PreparedStatement ps = c.prepareStatement("select id, count(*) from answer where tenant_id = ? group by id")) {
            ps.setObject(1, tenant.value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getObject(1, UUID.class), rs.getInt(2));
                }
            }
        }
        long lost = 0;
        long acknowledged = 0;
        for (Result r : results) {
            acknowledged += r.acknowledged.size();
            lost += r.acknowledged.stream().filter(id -> !stored.containsKey(id)).count();
        }
        long duplicated = stored.values().stream().filter(n -> n > 1).count();
        return new Verification(lost, duplicated, stored.size() - acknowledged);
    }

    /** The same machine's limit: single-row insert commits over plain JDBC, as many connections as Arki's pool. */
    double baselineInsertsPerSecond(int seconds) throws Exception {
        try (Connection c = TestDatabase.superuser().getConnection()) {
            c.createStatement().execute("create table if not exists bench_insert (id uuid primary key, session_id int, body text)");
        }
        int connections = 20;
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
                        ps.setString(3, "Asiakkaan palaute käsitellään viikkopalaverissa ja siitä sovitaan seuraava askel.");
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
