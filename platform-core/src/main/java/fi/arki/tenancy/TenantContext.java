package fi.arki.tenancy;

import fi.arki.shared.TenantId;
import org.jspecify.annotations.Nullable;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The tenant the current code acts for. A transaction started while a tenant is bound sees that
 * tenant's rows and nothing else; with no tenant bound it sees no tenant-owned rows at all.
 *
 * <p>The binding is a {@link ScopedValue}: it ends with the call that made it and never leaks into
 * a pooled thread. Code that changes threads binds the tenant again from the data it carries:
 * event listeners run under their event's {@code tenantId()} and scheduled jobs under none, both
 * bound for them before their transaction begins ({@code tenancy.internal.TenantOfAsyncWork}).
 *
 * <p>Where nothing is bound explicitly, the <em>signed-in user's</em> tenant applies: the web layer
 * registers one {@linkplain #useSignedInTenant resolver} that reads it from the authenticated user
 * (chosen at sign-in and checked against membership then). That covers every way a browser reaches
 * the server — plain requests and Vaadin's push channel alike — and a thread with no signed-in
 * user (a scheduler, a listener) resolves to no tenant and sees nothing.
 */
public final class TenantContext {

    /** An explicit binding: a tenant, or explicitly none (which also hides the signed-in user's). */
    private record Binding(@Nullable TenantId tenant) {
    }

    private static final Binding NONE = new Binding(null);
    private static final ScopedValue<Binding> CURRENT = ScopedValue.newInstance();
    private static volatile Supplier<Optional<TenantId>> signedIn = Optional::empty;

    private TenantContext() {
    }

    public static Optional<TenantId> current() {
        return CURRENT.isBound() ? Optional.ofNullable(CURRENT.get().tenant()) : signedIn.get();
    }

    /** Called once by the web layer: how to find the tenant the signed-in user acts in. */
    public static void useSignedInTenant(Supplier<Optional<TenantId>> resolver) {
        signedIn = resolver;
    }

    public static TenantId require() {
        return current().orElseThrow(NoTenantBoundException::new);
    }

    public static void runAs(TenantId tenant, Runnable action) {
        ScopedValue.where(CURRENT, new Binding(Objects.requireNonNull(tenant))).run(action);
    }

    public static <T, X extends Throwable> T callAs(TenantId tenant, ScopedValue.CallableOp<T, X> action) throws X {
        return ScopedValue.where(CURRENT, new Binding(Objects.requireNonNull(tenant))).call(action);
    }

    /**
     * Runs with no tenant at all, whatever the caller had bound or whoever is signed in on this
     * thread: for work that binds each tenant itself (scheduled jobs) and for events of the
     * platform rather than of a tenant.
     */
    public static void runWithoutTenant(Runnable action) {
        ScopedValue.where(CURRENT, NONE).run(action);
    }

    public static <T, X extends Throwable> T callWithoutTenant(ScopedValue.CallableOp<T, X> action) throws X {
        return ScopedValue.where(CURRENT, NONE).call(action);
    }

    /** Runs under the tenant if there is one, else explicitly under none. */
    public static <T, X extends Throwable> T callAsOrWithout(@Nullable TenantId tenant, ScopedValue.CallableOp<T, X> action) throws X {
        return ScopedValue.where(CURRENT, tenant == null ? NONE : new Binding(tenant)).call(action);
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
