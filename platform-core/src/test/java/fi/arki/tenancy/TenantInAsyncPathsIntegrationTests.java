package fi.arki.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.arki.shared.TenantId;
import fi.arki.testing.ArkiIntegrationTest;
import fi.arki.testing.Sentinels;
import fi.arki.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * T-08: work that runs on no request runs under the tenant of the data it carries, and with none
 * where it carries none — never under whatever its thread happened to have bound. Each listener
 * here reports the tenant it saw twice: as {@link TenantContext} says, and as the database says
 * inside its own transaction (the {@code arki.tenant_id} setting and the units row level security
 * lets it read), because a binding that comes after the transaction began would fool the first
 * and not the second.
 */
@ArkiIntegrationTest
@Import(TenantInAsyncPathsIntegrationTests.Listeners.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantInAsyncPathsIntegrationTests {

    /** An event a tenant's data carries (or, with a null tenant, the platform's). */
    record SomethingHappened(@Nullable TenantId tenantId, String note) {
    }

    /** What a listener saw: the bound tenant, the transaction's setting, the units it could read. */
    record Seen(String note, Optional<TenantId> bound, String setting, List<String> units, String thread) {
    }

    /** Listeners of every kind, each reporting what it saw. */
    static class Witness {

        final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
        final Set<String> failOnce = ConcurrentHashMap.newKeySet();
        private final JdbcTemplate jdbc;

        Witness(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        /** Modulith's listener: after commit, on another thread, in a transaction of its own; kept in the registry until it succeeds. */
        @ApplicationModuleListener
        void afterCommit(SomethingHappened e) {
            see("module:" + e.note());
            if (failOnce.remove(e.note())) {
                throw new IllegalStateException("the listener fails once: " + e.note());
            }
        }

        /** A plain listener: in the publisher's thread, which may have another tenant bound. */
        @EventListener
        void inline(SomethingHappened e) {
            new TransactionTemplate(transactions).executeWithoutResult(s -> see("inline:" + e.note()));
        }

        /** A job: a scheduler thread runs it, but a test may call it from a thread with a tenant bound. */
        @Scheduled(fixedDelay = 1, timeUnit = TimeUnit.DAYS, initialDelay = 1)
        void job() {
            new TransactionTemplate(transactions).executeWithoutResult(s -> see("job"));
        }

        PlatformTransactionManager transactions;

        @Autowired
        void transactions(PlatformTransactionManager transactions) {
            this.transactions = transactions;
        }

        void see(String note) {
            String setting = jdbc.queryForObject("select coalesce(current_setting('arki.tenant_id', true), '')", String.class);
            List<String> units = jdbc.queryForList("select name from unit order by name", String.class);
            seen.add(new Seen(note, TenantContext.current(), setting, units, Thread.currentThread().getName()));
        }

        void failOnceOn(String note) {
            failOnce.add(note);
        }

        Seen next(String note) {
            Seen s = await().atMost(Duration.ofSeconds(30)).until(() -> seen.stream().filter(x -> x.note().equals(note)).findFirst(),
                    Optional::isPresent).orElseThrow();
            seen.remove(s);
            return s;
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Listeners {
        @Bean
        Witness witness(JdbcTemplate jdbc) {
            return new Witness(jdbc);
        }
    }

    Sentinels A;
    Sentinels B;

    /** After the context (and so the migrations) is up; once per class. */
    @BeforeAll
    void seed() {
        A = Sentinels.seed("async-A");
        B = Sentinels.seed("async-B");
    }

    @Autowired Witness witness;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;

    void publishAs(TenantId bound, SomethingHappened event) {
        TenantContext.runAs(bound, () -> new TransactionTemplate(transactions).executeWithoutResult(s -> events.publishEvent(event)));
    }

    void assertSawOnly(Seen seen, Sentinels tenant) {
        assertThat(seen.bound()).as("bound in " + seen.note()).contains(tenant.tenant());
        assertThat(seen.setting()).as("transaction setting in " + seen.note()).isEqualTo(tenant.tenant().toString());
        assertThat(seen.units()).as("units readable in " + seen.note()).containsExactly("Unit of " + tenant.label());
    }

    static void assertSawNoTenant(Seen seen) {
        assertThat(seen.bound()).as("bound in " + seen.note()).isEmpty();
        assertThat(seen.setting()).as("transaction setting in " + seen.note()).isEmpty();
        assertThat(seen.units()).as("units readable in " + seen.note()).isEmpty();
    }

    @Test
    void a_listener_in_a_thread_bound_to_another_tenant_runs_under_its_events_tenant() {
        publishAs(A.tenant(), new SomethingHappened(B.tenant(), "b-published-in-a"));
        assertSawOnly(witness.next("inline:b-published-in-a"), B);
        assertSawOnly(witness.next("module:b-published-in-a"), B);
    }

    @Test
    void an_event_of_the_platform_runs_under_no_tenant_even_where_a_tenant_is_bound() {
        publishAs(A.tenant(), new SomethingHappened(null, "platform-in-a"));
        assertSawNoTenant(witness.next("inline:platform-in-a"));
        assertSawNoTenant(witness.next("module:platform-in-a"));
    }

    @Test
    void a_scheduled_job_runs_under_no_tenant_whoever_calls_it() {
        TenantContext.runAs(A.tenant(), witness::job);
        assertSawNoTenant(witness.next("job"));
    }

    /** The control: without the binding around the listener, the thread's stray tenant is what the listener would get. */
    @Test
    void without_the_binding_the_stray_tenant_would_win() {
        Witness unproxied = (Witness) AopProxyUtils.getSingletonTarget(witness);
        assertThat(unproxied).isNotNull();
        TenantContext.runAs(A.tenant(), () -> unproxied.inline(new SomethingHappened(B.tenant(), "control")));
        assertSawOnly(witness.next("inline:control"), A);
    }

    // ---- restart: the event publication registry resubmits what did not complete ------------

    /**
     * One node of the platform, started and stopped by the test itself. Its executor runs every
     * task with tenant A bound, as a careless context-propagating executor would: a listener
     * must still run under its event's tenant. (No stereotype annotation, so that neither this
     * test's context nor any component scan takes it for configuration.)
     */
    @EnableAutoConfiguration
    @ComponentScan(basePackages = "fi.arki", excludeFilters = {
            @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = {TestConfiguration.class, SpringBootApplication.class}),
            @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*Tests(\\$.*)?")})
    static class Node {

        static volatile @Nullable TenantId stray;

        @Bean
        Witness witness(JdbcTemplate jdbc) {
            return new Witness(jdbc);
        }

        @Bean
        ThreadPoolTaskExecutor taskExecutor() {
            ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
            executor.setThreadNamePrefix("stray-tenant-");
            executor.setTaskDecorator(task -> {
                TenantId tenant = stray;
                return tenant == null ? task : () -> TenantContext.runAs(tenant, task);
            });
            return executor;
        }

        static ConfigurableApplicationContext start() {
            return new SpringApplicationBuilder(Node.class).profiles("test").web(WebApplicationType.NONE)
                    .properties("spring.modulith.events.republish-outstanding-events-on-restart=true").run();
        }
    }

    @Test
    void an_event_whose_listener_failed_is_resubmitted_after_a_restart_and_runs_under_its_own_tenant() throws Exception {
        Node.stray = A.tenant();
        String note = "restart-" + System.nanoTime();
        try (ConfigurableApplicationContext before = Node.start()) {
            Witness first = before.getBean(Witness.class);
            first.failOnceOn(note);
            TenantContext.runAs(A.tenant(), () -> new TransactionTemplate(before.getBean(PlatformTransactionManager.class))
                    .executeWithoutResult(s -> before.publishEvent(new SomethingHappened(B.tenant(), note))));
            Seen failed = first.next("module:" + note);
            assertThat(failed.thread()).startsWith("stray-tenant-");
            assertSawOnly(failed, B);
            await().atMost(Duration.ofSeconds(30)).until(() -> publication(note).attempts() >= 1);
            assertThat(publication(note).completed()).as("the failed listener left its event incomplete").isFalse();
        }

        try (ConfigurableApplicationContext after = Node.start()) {
            Seen resubmitted = after.getBean(Witness.class).next("module:" + note);
            assertThat(resubmitted.thread()).startsWith("stray-tenant-");
            assertSawOnly(resubmitted, B);
            await().atMost(Duration.ofSeconds(30)).until(() -> publication(note).completed());
        } finally {
            Node.stray = null;
        }
    }

    record Publication(boolean completed, int attempts) {
    }

    /** The registry's row of the module listener's publication of the event with this note. */
    static Publication publication(String note) throws SQLException {
        try (Connection c = TestDatabase.superuser().getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select completion_date is not null, coalesce(completion_attempts, 0) from event_publication
                     where serialized_event like ? and listener_id like '%afterCommit%'""")) {
            ps.setString(1, "%" + note + "%");
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("a publication of " + note).isTrue();
                return new Publication(rs.getBoolean(1), rs.getInt(2));
            }
        }
    }
}
