package fi.arki.shared;

import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling, for the few reads that are not about the bound tenant's rows (accounts and the
 * tenant catalogue are platform tables, which row level security does not guard): Arki itself (no
 * {@link Authentication} at all: start-up, listeners, jobs, the sign-in before a user exists), a
 * platform administrator, or a signed-in user on their own account.
 */
public final class Callers {

    private Callers() {
    }

    /** Arki itself: no one is signed in on this thread, not even anonymously. */
    public static boolean system() {
        return SecurityContextHolder.getContext().getAuthentication() == null;
    }

    public static boolean platformAdmin() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)
                && authentication.getAuthorities().stream().anyMatch(a -> ("ROLE_" + AccessRoles.PLATFORM_ADMIN).equals(a.getAuthority()));
    }

    /**
     * Whether the signed-in user holds a role (an {@link AccessRoles} name) in the tenant they act
     * in; Arki itself (no one signed in) holds every role. For services that open a read to some
     * roles and to the people a row belongs to.
     */
    public static boolean hasRole(String role) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return true;
        }
        return authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken)
                && authentication.getAuthorities().stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()));
    }

    /** The signed-in user's own account, if a signed-in user is calling. */
    public static Optional<AccountId> account() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Actor actor
                ? Optional.of(actor.accountId()) : Optional.empty();
    }

    /** Arki itself, a platform administrator, or the account's own user. */
    public static boolean systemPlatformAdminOrOwner(AccountId account) {
        return system() || platformAdmin() || account().filter(account::equals).isPresent();
    }
}
