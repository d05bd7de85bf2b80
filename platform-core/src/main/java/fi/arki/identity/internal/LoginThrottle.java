package fi.arki.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a flood of sign-ins may cost this node. Before anything is read or hashed, an attempt
 * takes a permit from its address's limiter and from its user name's (Resilience4j rate limiters,
 * per minute; names are limited whether or not they exist, so a refusal tells nothing). The
 * password checks themselves run behind a bulkhead of a few at a time, so that bcrypt and the
 * sign-in's database work can take neither all the CPU nor the connection pool from everyone else.
 * The limiters live in bounded caches: spoofed or rotating addresses cannot grow memory without end.
 */
@Component
class LoginThrottle {

    private static final int KEYS = 100_000;

    private final Cache<String, RateLimiter> addresses;
    private final Cache<String, RateLimiter> names;
    private final RateLimiterConfig perAddress;
    private final RateLimiterConfig perName;
    private final Bulkhead checks;

    LoginThrottle(@Value("${arki.local-accounts.rate-limit.per-address:30}") int perAddressPerMinute,
                  @Value("${arki.local-accounts.rate-limit.per-account:10}") int perAccountPerMinute,
                  @Value("${arki.local-accounts.concurrent-checks:4}") int concurrentChecks,
                  @Value("${arki.local-accounts.check-wait:10s}") Duration checkWait) {
        this.perAddress = perMinute(perAddressPerMinute);
        this.perName = perMinute(perAccountPerMinute);
        this.addresses = Caffeine.newBuilder().maximumSize(KEYS).expireAfterAccess(Duration.ofMinutes(2)).build();
        this.names = Caffeine.newBuilder().maximumSize(KEYS).expireAfterAccess(Duration.ofMinutes(2)).build();
        this.checks = Bulkhead.of("local-sign-in", BulkheadConfig.custom()
                .maxConcurrentCalls(concurrentChecks)
                .maxWaitDuration(checkWait)
                .build());
    }

    private static RateLimiterConfig perMinute(int permits) {
        return RateLimiterConfig.custom()
                .limitForPeriod(permits)
                .limitRefreshPeriod(Duration.ofMinutes(1))
                .timeoutDuration(Duration.ZERO)
                .build();
    }

    /** Takes one attempt's permits; false when the address or the name has used up its minute. */
    boolean admit(String username, @Nullable String address) {
        boolean name = names.get(username, n -> RateLimiter.of("sign-in-name", perName)).acquirePermission();
        boolean from = address == null || addresses.get(address, a -> RateLimiter.of("sign-in-address", perAddress)).acquirePermission();
        return name && from;
    }

    /** Runs a password check when one of the few places is free within the wait; empty when none became free. */
    <T> Optional<T> check(Supplier<T> work) {
        try {
            return Optional.of(checks.executeSupplier(work));
        } catch (BulkheadFullException busy) {
            return Optional.empty();
        }
    }
}
