package fi.arki.tenancy;

import fi.arki.shared.TenantId;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Runs work with the current transaction and {@link TenantContext} bound to one tenant, then unbinds the transaction. */
final class Rebound {

    private Rebound() {
    }

    static <T> T call(TenantId tenant, Consumer<TenantId> rebind, Supplier<T> work) {
        rebind.accept(tenant);
        T result;
        try {
            result = TenantContext.callAs(tenant, work::get);
        } catch (RuntimeException | Error e) {
            // a failed statement aborts the transaction, and unbinding would fail too: the first failure is the one to tell
            try {
                rebind.accept(null);
            } catch (RuntimeException unbinding) {
                e.addSuppressed(unbinding);
            }
            throw e;
        }
        rebind.accept(null);
        return result;
    }

    static void run(TenantId tenant, Consumer<TenantId> rebind, Runnable work) {
        call(tenant, rebind, () -> {
            work.run();
            return null;
        });
    }
}
