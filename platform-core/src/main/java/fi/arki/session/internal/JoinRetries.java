package fi.arki.session.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.resilience.annotation.EnableResilientMethods;

/**
 * Turns on Spring's {@code @Retryable}: the join path's service methods
 * ({@code JoinManagement}, {@code ParticipantManagement}, {@code SessionStartManagement#resolve}, {@code SessionManagement#find}, {@code #deckOf})
 * try again when no database connection was free in time (a burst of joins; {@link BusyPoolOnly}:
 * never when the database is away). Its interceptor is
 * put before the existing ones (outside the transaction), so each attempt begins its own
 * transaction; none had begun when the connection could not be had, so trying again is safe.
 */
@Configuration(proxyBeanMethods = false)
@EnableResilientMethods
class JoinRetries {
}
