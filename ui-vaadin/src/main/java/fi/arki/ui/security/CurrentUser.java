package fi.arki.ui.security;

import fi.arki.identity.ActingUser;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The user of the current request, as Arki sees them. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<ActingUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof ActingUser user
                ? Optional.of(user) : Optional.empty();
    }

    public static ActingUser require() {
        return get().orElseThrow(() -> new IllegalStateException("No signed-in user"));
    }
}
