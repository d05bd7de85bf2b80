package fi.arki.identity;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who a verified single sign-on token says the user is: issuer and subject identify the account;
 * {@code organizationIds} are the Keycloak organizations (by id) the user is a member of;
 * {@code platformAdmin} is the realm's one global role.
 */
public record SingleSignOnIdentity(String issuer, String subject, String displayName, @Nullable String email,
                                   boolean emailVerified, boolean platformAdmin, Set<String> organizationIds) {

    public SingleSignOnIdentity {
        organizationIds = Set.copyOf(organizationIds);
    }
}
