package fi.arki.shared;

import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Runs work as Arki's own, for a service that must look beyond what its caller may see (for
 * example whether an account still belongs to any tenant). In sessions: runs what a participant's
 * action needs from other modules as Arki's own work. A participant
 * (a guest, too) is authorised by the session pass the participant service checks, not by a
 * role; the tenant settings, teams and targets the service reads on its behalf are not the
 * participant's to call. With no {@code Authentication} the access rules treat the call as Arki's
 * own; the tenant stays bound explicitly.
 */
public final class AsArki {

    private AsArki() {
    }

    public static <T> T call(Supplier<T> work) {
        SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
        SecurityContext saved = holder.getContext();
        holder.clearContext();
        try {
            return work.get();
        } finally {
            holder.setContext(saved);
        }
    }
}
