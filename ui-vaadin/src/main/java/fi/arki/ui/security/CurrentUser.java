package fi.arki.ui.security;

import fi.arki.identity.AccountPrincipal;
import fi.arki.identity.ActingUser;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The user of the current request, as Arki sees them, however they signed in. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<ActingUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return Optional.empty();
        }
        return switch (authentication.getPrincipal()) {
            case ActingUser user -> Optional.of(user);
            case AccountPrincipal principal -> Optional.of(principal.actingUser());
            case null, default -> Optional.empty();
        };
    }

    public static ActingUser require() {
        return get().orElseThrow(() -> new IllegalStateException("No signed-in user"));
    }

    /** Whether the user signed in with single sign-on (Keycloak) rather than a local account. */
    public static boolean singleSignOn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SsoUser;
    }
}
