package fi.arki.session.internal;

import fi.arki.shared.DatabaseOutage;
import java.lang.reflect.Method;
import org.springframework.resilience.retry.MethodRetryPredicate;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * When the join path's services try again: only when no connection was free in time because the
 * pool was busy (a burst of joins). A database that is away is not retried: it does not come back
 * in a second, and the person should hear "not available" within about the pool's timeout.
 */
public final class BusyPoolOnly implements MethodRetryPredicate {

    public BusyPoolOnly() {
    }

    @Override
    public boolean shouldRetry(Method method, Throwable failure) {
        return failure instanceof CannotCreateTransactionException && !DatabaseOutage.isOutage(failure);
    }
}
