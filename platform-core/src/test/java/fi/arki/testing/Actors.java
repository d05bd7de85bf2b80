package fi.arki.testing;

import fi.arki.directory.Role;
import fi.arki.identity.ActingUser;
import fi.arki.shared.AccountId;
import fi.arki.shared.TenantId;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who a test acts as. Service methods check their access rule against the signed-in user of the
 * call; with no one signed in, the call is Arki's own (seeding, listeners) and passes. Seed data as
 * the system, then sign in as the user the test is about.
 */
public final class Actors {

    private Actors() {
    }

    /** Runs with no one signed in: as Arki itself, as start-up seeding and event listeners do. */
    public static <T> T asSystem(Supplier<T> work) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    public static void asSystem(Runnable work) {
        asSystem(() -> {
            work.run();
            return null;
        });
    }

    /** Signs in (for the rest of the test, until {@link #signOut()}) as a user acting in a tenant with the roles. */
    public static ActingUser signIn(TenantId tenant, String tenantName, Role... roles) {
        return signIn(new ActingUser(AccountId.random(), "Test user", false, tenant, tenantName, List.of(roles)));
    }

    /** Signs in as a platform administrator acting in no tenant. */
    public static ActingUser signInAsPlatformAdmin() {
        return signIn(new ActingUser(AccountId.random(), "Platform admin", true, null, null, List.of()));
    }

    public static ActingUser signIn(ActingUser user) {
        List<GrantedAuthority> authorities = user.roleNames().stream()
                .map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r)).toList();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
        return user;
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
