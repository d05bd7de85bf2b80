package fi.arki.tenancy;

import fi.arki.shared.TenantId;
import java.util.Optional;

/**
 * The tenant the current code acts for. A transaction started while a tenant is bound sees that
 * tenant's rows and nothing else; with no tenant bound it sees no tenant-owned rows at all.
 *
 * <p>The binding is a {@link ScopedValue}: it ends with the call that made it and never leaks into
 * a pooled thread. Code that changes threads (event listeners, scheduled jobs, push callbacks)
 * binds the tenant again from the data it carries.
 */
public final class TenantContext {

    private static final ScopedValue<TenantId> CURRENT = ScopedValue.newInstance();

    private TenantContext() {
    }

    public static Optional<TenantId> current() {
        return CURRENT.isBound() ? Optional.of(CURRENT.get()) : Optional.empty();
    }

    public static TenantId require() {
        return current().orElseThrow(NoTenantBoundException::new);
    }

    public static void runAs(TenantId tenant, Runnable action) {
        ScopedValue.where(CURRENT, tenant).run(action);
    }

    public static <T, X extends Throwable> T callAs(TenantId tenant, ScopedValue.CallableOp<T, X> action) throws X {
        return ScopedValue.where(CURRENT, tenant).call(action);
    }

    /** Wraps a task so that it runs under the tenant bound now (if any), on whatever thread runs it. */
    public static Runnable propagating(Runnable task) {
        Optional<TenantId> tenant = current();
        return tenant.<Runnable>map(t -> () -> runAs(t, task)).orElse(task);
    }

    /** Raised when code that needs a tenant runs without one. */
    public static final class NoTenantBoundException extends IllegalStateException {
        NoTenantBoundException() {
            super("No tenant is bound to this call");
        }
    }
}
