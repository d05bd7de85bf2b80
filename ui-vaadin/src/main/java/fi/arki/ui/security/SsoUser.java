package fi.arki.ui.security;

import fi.arki.identity.AccountPrincipal;
import fi.arki.identity.ActingUser;
import fi.arki.shared.AccountId;
import fi.arki.shared.Actor;
import fi.arki.shared.TenantId;
import java.io.Serial;
import java.util.Collection;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A user signed in with Keycloak: the OIDC user Spring Security knows (its ID token ends the
 * Keycloak session at sign-out) and the user as Arki sees them. {@code tenants} are the tenants
 * the token's organizations lead to: the only ones this sign-in may act in.
 */
public final class SsoUser extends DefaultOidcUser implements AccountPrincipal, Actor {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ActingUser actingUser;
    private final Set<TenantId> tenants;

    SsoUser(Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken, OidcUserInfo userInfo,
            ActingUser actingUser, Set<TenantId> tenants) {
        super(authorities, idToken, userInfo, "sub");
        this.actingUser = actingUser;
        this.tenants = Set.copyOf(tenants);
    }

    @Override
    public ActingUser actingUser() {
        return actingUser;
    }

    public Set<TenantId> tenants() {
        return tenants;
    }

    /** The same sign-in, acting as {@code user} (after choosing a tenant). */
    SsoUser actingAs(ActingUser user, Collection<? extends GrantedAuthority> authorities) {
        return new SsoUser(authorities, getIdToken(), getUserInfo(), user, tenants);
    }

    @Override
    public AccountId accountId() {
        return actingUser.account();
    }

    @Override
    public String label() {
        return actingUser.displayName();
    }
}
