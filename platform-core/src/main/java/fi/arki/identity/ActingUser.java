package fi.arki.identity;

import fi.arki.directory.Role;
import fi.arki.shared.AccountId;
import fi.arki.shared.Actor;
import fi.arki.shared.TenantId;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in user as the application sees them: their account and, once chosen, the tenant
 * they act in with the roles they hold there. Stored in the HTTP session, hence serializable.
 */
public record ActingUser(AccountId account, String displayName, boolean platformAdmin,
                         @Nullable TenantId tenant, @Nullable String tenantName, List<Role> roles)
        implements Serializable, Actor {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";

    public ActingUser {
        roles = List.copyOf(roles);
    }

    public static ActingUser withoutTenant(Account account) {
        return new ActingUser(account.id(), account.displayName(), account.platformAdmin(), null, null, List.of());
    }

    public ActingUser actingIn(Membership membership) {
        return new ActingUser(account, displayName, platformAdmin, membership.tenant().id(),
                membership.tenant().name(), membership.roles().stream().sorted().toList());
    }

    @Override
    public AccountId accountId() {
        return account;
    }

    @Override
    public String label() {
        return displayName;
    }

    public Optional<TenantId> tenantId() {
        return Optional.ofNullable(tenant);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Authority names for Spring Security: tenant roles as {@code TENANT_ADMIN} etc., plus PLATFORM_ADMIN. */
    public List<String> roleNames() {
        List<String> names = new ArrayList<>(roles.stream().map(Role::name).toList());
        if (platformAdmin) {
            names.add(PLATFORM_ADMIN);
        }
        return names;
    }
}
