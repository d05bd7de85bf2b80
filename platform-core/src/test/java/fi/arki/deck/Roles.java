package fi.arki.deck;

import fi.arki.shared.AccountId;
import java.util.Arrays;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs test code as a user holding the given roles (Spring Security authorities without the ROLE_ prefix). */
public final class Roles {

    private Roles() {
    }

    public static <T> T as(Supplier<T> action, String... roles) {
        var authentication = UsernamePasswordAuthenticationToken.authenticated(AccountId.random(), null,
                Arrays.stream(roles).map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList());
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(authentication);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    public static void as(Runnable action, String... roles) {
        as(() -> {
            action.run();
            return null;
        }, roles);
    }
}
