package fi.arki.ui.security;

import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs sign-in work as Arki itself (no one is signed in yet, and whoever was before is replaced by
 * this sign-in): the services it calls allow no user, only the system.
 */
final class AsSystem {

    private AsSystem() {
    }

    static <T> T call(Supplier<T> work) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }
}
