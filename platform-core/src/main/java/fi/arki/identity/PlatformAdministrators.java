package fi.arki.identity;

import fi.arki.identity.internal.PlatformAdminGrants;
import fi.arki.shared.Callers;
import org.springframework.stereotype.Component;

/**
 * Makes a local account a platform administrator — the one write the runtime role cannot do
 * (T-29): it goes through the migration role's connection (Flyway's, as {@code arki_owner}), which
 * Arki holds for its start-up anyway. Only Arki itself calls it, at start-up (the demo seeding);
 * an operator does the same with {@code SELECT arki_grant_platform_admin('name')} as the owner.
 */
@Component
public class PlatformAdministrators {

    private final PlatformAdminGrants grants;

    PlatformAdministrators(PlatformAdminGrants grants) {
        this.grants = grants;
    }

    /** Grants the flag to the local account with this user name; false if there is none. Commits at once. */
    public boolean grantLocal(String username) {
        if (!Callers.system()) {
            throw new org.springframework.security.access.AccessDeniedException("Only Arki itself grants platform administration");
        }
        return grants.grant(username);
    }
}
