package fi.arki.session;

import fi.arki.PlatformCoreTestApplication;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.testing.TestDatabase;
import fi.arki.testing.TestDeckCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The cross-node hop: two Arki nodes (two application contexts, each with its own broadcaster,
 * notifier and LISTEN connection) on one PostgreSQL; a facilitator's step on node A, measured
 * from A's own announcement after commit to the arrival at B's broadcaster. Baseline of the same
 * run: a raw {@code pg_notify} from one connection to another that LISTENs.
 *
 * <p>Not part of the test suite: {@code bench/cross-node-hop.sh}.
 */
@Tag("integration")
class CrossNodeHopBenchmark {

    static final int ROUNDS = Integer.getInteger("bench.rounds", 200);

    static ConfigurableApplicationContext node() {
        return new SpringApplicationBuilder(PlatformCoreTestApplication.class, TestDeckCatalog.Config.class)
                .profiles("test").properties("spring.main.web-application-type=none", "spring.jmx.enabled=false").run();
    }

    @Test
    void cross_node_hop() throws Exception {
        try (ConfigurableApplicationContext a = node(); ConfigurableApplicationContext b = node()) {
            TenantId tenant = TenantId.random();
            a.getBean(TenantManagement.class).create(tenant, "hop-" + tenant.value().toString().substring(0, 8), "Hop");
            DirectoryManagement directory = a.getBean(DirectoryManagement.class);
            SessionManagement sessions = a.getBean(SessionManagement.class);
            fi.arki.session.SessionStartManagement starts = a.getBean(fi.arki.session.SessionStartManagement.class);
            fi.arki.session.FacilitationManagement facilitation = a.getBean(fi.arki.session.FacilitationManagement.class);
            SessionInfo info = TenantContext.callAs(tenant, () -> {
                Team team = directory.createTeam(directory.createUnit("Unit").id(), "Team");
                Person facilitator = directory.addPerson("Facilitator", null, null);
                directory.grantRole(facilitator.id(), Role.FACILITATOR);
                // starts sessions for teams it is not in: only an administrator may (StartableTeams)
                directory.grantRole(facilitator.id(), Role.TENANT_ADMIN);
                return starts.startFor(facilitator.id(), new SessionStart(List.of(team.id()), TestDeckCatalog.DECK,
                        List.of("competence"), SessionMode.ANONYMOUS, null));
            });
            var facilitator = info.facilitators().getFirst();
            // each node's arrivals as {version, nanoTime}: a hop is the same version seen on A, then on B
            BlockingQueue<long[]> atA = new ArrayBlockingQueue<>(64);
            BlockingQueue<long[]> atB = new ArrayBlockingQueue<>(64);
            a.getBean(SessionBroadcaster.class).subscribe(tenant, info.id(), c -> atA.offer(new long[] {c.version(), System.nanoTime()}));
            b.getBean(SessionBroadcaster.class).subscribe(tenant, info.id(), c -> {
                if (c.version() >= 0) {
                    atB.offer(new long[] {c.version(), System.nanoTime()});
                }
            });
            // both nodes listen once a change made on A reaches B
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
                TenantContext.runAs(tenant, () -> facilitation.goTo(info.id(), 0));
                atA.poll(5, TimeUnit.SECONDS);
                return atB.poll(500, TimeUnit.MILLISECONDS) != null;
            });
            atA.clear();
            atB.clear();
            List<Long> hops = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                int step = i % 2 == 0 ? 1 : 0;
                TenantContext.runAs(tenant, () -> facilitation.goTo(info.id(), step));
                long[] sent = atA.poll(5, TimeUnit.SECONDS);
                long[] arrived = sent == null ? null : sameVersion(atB, sent[0]);
                if (arrived != null) {
                    hops.add(arrived[1] - sent[1]);
                }
                Thread.sleep(20);
            }
            List<Long> raw = rawNotifyHops(ROUNDS);
            String json = String.format(Locale.ROOT,
                    "{\"benchmark\":\"cross-node-hop\",\"rounds\":%d,\"arrived\":%d,\"p50_ms\":%.2f,\"p95_ms\":%.2f,\"max_ms\":%.2f,"
                            + "\"baseline_pg_notify_p50_ms\":%.2f,\"baseline_pg_notify_p95_ms\":%.2f,\"load\":\"%s\"}",
                    ROUNDS, hops.size(), ms(hops, 50), ms(hops, 95), ms(hops, 100), ms(raw, 50), ms(raw, 95),
                    Files.readString(Path.of("/proc/loadavg")).substring(0, 14));
            System.out.println(json);
            Path out = Path.of("target", "bench", "cross-node-hop.jsonl");
            Files.createDirectories(out.getParent());
            Files.writeString(out, json + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
    }

    /** The arrival of a version on a node, skipping older ones still queued (null after 5 s). */
    static long[] sameVersion(BlockingQueue<long[]> arrivals, long version) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            long[] next = arrivals.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null || next[0] == version) {
                return next;
            }
        }
        return null;
    }

    static List<Long> rawNotifyHops(int rounds) throws Exception {
        List<Long> hops = new ArrayList<>();
        try (Connection listen = TestDatabase.connectAs("arki_app"); Connection send = TestDatabase.connectAs("arki_app")) {
            try (Statement s = listen.createStatement()) {
                s.execute("LISTEN bench_hop");
            }
            PGConnection pg = listen.unwrap(PGConnection.class);
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                try (Statement s = send.createStatement()) {
                    s.execute("select pg_notify('bench_hop', '" + i + "')");
                }
                PGNotification[] got = pg.getNotifications(5000);
                if (got != null && got.length > 0) {
                    hops.add(System.nanoTime() - t0);
                }
                Thread.sleep(5);
            }
        }
        return hops;
    }

    static double ms(List<Long> nanos, int p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) (p / 100.0 * sorted.size()))) / 1e6;
    }
}
