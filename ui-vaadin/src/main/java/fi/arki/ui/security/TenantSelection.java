package fi.arki.ui.security;

import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import fi.arki.identity.AccountManagement;
import fi.arki.identity.ActingUser;
import fi.arki.identity.Membership;
import fi.arki.shared.TenantId;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Lets a user who belongs to several tenants choose the one to act in, checked against membership
 * (and, for single sign-on, against the organizations of this sign-in's token).
 */
@Component
public class TenantSelection {

    private final AccountManagement accounts;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    TenantSelection(AccountManagement accounts) {
        this.accounts = accounts;
    }

    public List<Membership> choices() {
        List<Membership> memberships = accounts.memberships(CurrentUser.require().account());
        Set<TenantId> allowed = ssoTenants();
        return allowed == null ? memberships
                : memberships.stream().filter(m -> allowed.contains(m.tenant().id())).toList();
    }

    /** Acts in the tenant from now on; refuses a tenant the account is not a member of. */
    public ActingUser actIn(TenantId tenant) {
        ActingUser user = CurrentUser.require();
        Set<TenantId> allowed = ssoTenants();
        if (allowed != null && !allowed.contains(tenant)) {
            throw new AccessDeniedException("This sign-in's organizations do not include " + tenant);
        }
        Membership membership = accounts.membershipIn(user.account(), tenant)
                .orElseThrow(() -> new AccessDeniedException("Not a member of " + tenant));
        ActingUser acting = new ActingUser(user.account(), user.displayName(), user.platformAdmin(), null, null, List.of())
                .actingIn(membership);
        Authentication current = holder.getContext().getAuthentication();
        Authentication next = current instanceof OAuth2AuthenticationToken oauth && oauth.getPrincipal() instanceof SsoUser sso
                ? new OAuth2AuthenticationToken(sso.actingAs(acting, Authorities.of(acting)), Authorities.of(acting),
                        oauth.getAuthorizedClientRegistrationId())
                : ArkiAuthenticationProvider.authenticated(acting);
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(next);
        holder.setContext(context);
        contexts.saveContext(context, VaadinServletRequest.getCurrent().getHttpServletRequest(),
                VaadinServletResponse.getCurrent().getHttpServletResponse());
        return acting;
    }

    private Set<TenantId> ssoTenants() {
        Authentication authentication = holder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SsoUser sso ? sso.tenants() : null;
    }
}
