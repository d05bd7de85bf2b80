package fi.arki.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The join path's retry lives in the services (Spring's {@code @Retryable}), not in the view: a
 * join-code lookup that finds no free connection at first is tried again and succeeds once one is
 * free, and gives up (for the page to say "busy, try again") when none comes. One pooled
 * connection (the same context as PoolLeakIntegrationTests), held by the test.
 */
@SpringBootTest(properties = "spring.datasource.hikari.maximum-pool-size=1")
@ActiveProfiles("test")
@Tag("integration")
class JoinRetryIntegrationTests {

    @Autowired DataSource dataSource;
    @Autowired SessionManagement sessions;

    @Autowired fi.arki.session.SessionStartManagement starts;
    HikariDataSource pool;
    long connectionTimeout;

    @BeforeEach
    void shortWaitForAConnection() throws Exception {
        pool = dataSource.unwrap(HikariDataSource.class);
        connectionTimeout = pool.getHikariConfigMXBean().getConnectionTimeout();
        pool.getHikariConfigMXBean().setConnectionTimeout(1000);
    }

    @AfterEach
    void restore() {
        pool.getHikariConfigMXBean().setConnectionTimeout(connectionTimeout);
    }

    @Test
    void a_lookup_that_got_no_connection_in_time_is_tried_again_and_succeeds() throws Exception {
        CompletableFuture<Optional<JoinTarget>> lookup;
        try (Connection held = pool.getConnection()) {
            lookup = CompletableFuture.supplyAsync(() -> starts.resolve("ZZZZ9999"));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                    .until(() -> pool.getHikariPoolMXBean().getThreadsAwaitingConnection() == 1);
            // the first attempt gives up waiting (the connection is still held): between attempts nobody waits
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                    .until(() -> pool.getHikariPoolMXBean().getThreadsAwaitingConnection() == 0);
            assertThat(lookup).as("still trying, not failed").isNotDone();
        }
        assertThat(lookup.get(60, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void a_lookup_gives_up_after_three_attempts_when_no_connection_comes() throws Exception {
        try (Connection held = pool.getConnection()) {
            CompletableFuture<Optional<JoinTarget>> lookup = CompletableFuture.supplyAsync(() -> starts.resolve("ZZZZ9999"));
            await().atMost(Duration.ofSeconds(60)).until(lookup::isDone);
            assertThat(lookup).isCompletedExceptionally();
            try {
                lookup.get();
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(CannotCreateTransactionException.class);
            }
        }
    }
}
