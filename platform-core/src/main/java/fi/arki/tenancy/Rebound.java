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
        try {
            return TenantContext.callAs(tenant, work::get);
        } finally {
            rebind.accept(null);
        }
    }

    static void run(TenantId tenant, Consumer<TenantId> rebind, Runnable work) {
        call(tenant, rebind, () -> {
            work.run();
            return null;
        });
    }
}
