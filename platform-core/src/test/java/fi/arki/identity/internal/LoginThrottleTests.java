package fi.arki.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** T-27: the sign-in's rate limits per address and per name, and the bound on concurrent password checks. */
class LoginThrottleTests {

    @Test
    void an_address_gets_its_minutes_attempts_across_names_and_then_none() {
        LoginThrottle throttle = new LoginThrottle(5, 100, 4, Duration.ofSeconds(1));
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.admit("user-" + i, "203.0.113.7")).as("attempt " + i).isTrue();
        }
        assertThat(throttle.admit("user-x", "203.0.113.7")).as("sixth from the same address").isFalse();
        assertThat(throttle.admit("user-y", "198.51.100.1")).as("another address").isTrue();
    }

    @Test
    void a_name_gets_its_minutes_attempts_across_addresses_whether_or_not_it_exists() {
        LoginThrottle throttle = new LoginThrottle(100, 3, 4, Duration.ofSeconds(1));
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.admit("nobody-at-all", "198.51.100." + i)).isTrue();
        }
        assertThat(throttle.admit("nobody-at-all", "198.51.100.99")).isFalse();
        assertThat(throttle.admit("someone-else", "198.51.100.99")).isTrue();
    }

    @Test
    void no_more_than_the_bound_of_password_checks_run_at_once_and_the_rest_are_refused_after_the_wait() throws Exception {
        LoginThrottle throttle = new LoginThrottle(1000, 1000, 2, Duration.ofMillis(200));
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Future<Optional<String>>> checks = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 6; i++) {
                checks.add(pool.submit(() -> throttle.check(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        release.await(1, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                    return "checked";
                })));
            }
            // the four beyond the bound give up after their wait while the two hold their places
            Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> checks.stream().filter(Future::isDone).count() == 4);
            release.countDown();
        }
        long refused = 0;
        for (Future<Optional<String>> check : checks) {
            if (check.get(1, TimeUnit.MINUTES).isEmpty()) {
                refused++;
            }
        }
        assertThat(refused).isEqualTo(4);
        assertThat(most.get()).isEqualTo(2);
    }
}
