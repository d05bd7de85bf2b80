package fi.arki.ui.security;

import fi.arki.identity.ActingUser;
import fi.arki.shared.TenantId;
import java.io.Serial;
import java.util.Set;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A caller of the API with a verified bearer token: the account the token names, and the tenants
 * its organizations lead to. A request acts in one of those tenants at a time, with the roles the
 * account holds there (see {@code fi.arki.ui.api}).
 */
public final class ApiAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ActingUser user;
    private final Set<TenantId> tenants;
    private final transient Jwt token;

    ApiAuthentication(ActingUser user, Set<TenantId> tenants, Jwt token) {
        super(Authorities.of(user));
        this.user = user;
        this.tenants = Set.copyOf(tenants);
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public ActingUser getPrincipal() {
        return user;
    }

    @Override
    public Jwt getCredentials() {
        return token;
    }

    public Set<TenantId> tenants() {
        return tenants;
    }

    /** The same caller acting in one of its tenants, with its roles there. */
    public ApiAuthentication actingAs(ActingUser acting) {
        return new ApiAuthentication(acting, tenants, token);
    }

    @Override
    public String getName() {
        return user.account().toString();
    }
}
