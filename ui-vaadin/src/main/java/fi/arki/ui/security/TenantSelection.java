package fi.arki.ui.security;

import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import fi.arki.identity.AccountManagement;
import fi.arki.identity.ActingUser;
import fi.arki.identity.Membership;
import fi.arki.shared.TenantId;
import java.util.List;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Lets a user who belongs to several tenants choose the one to act in, checked against membership. */
@Component
public class TenantSelection {

    private final AccountManagement accounts;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    TenantSelection(AccountManagement accounts) {
        this.accounts = accounts;
    }

    public List<Membership> choices() {
        return accounts.memberships(CurrentUser.require().account());
    }

    /** Acts in the tenant from now on; refuses a tenant the account is not a member of. */
    public ActingUser actIn(TenantId tenant) {
        ActingUser user = CurrentUser.require();
        Membership membership = accounts.membershipIn(user.account(), tenant)
                .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Not a member of " + tenant));
        ActingUser acting = new ActingUser(user.account(), user.displayName(), user.platformAdmin(), null, null, List.of())
                .actingIn(membership);
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(ArkiAuthenticationProvider.authenticated(acting));
        holder.setContext(context);
        contexts.saveContext(context, VaadinServletRequest.getCurrent().getHttpServletRequest(),
                VaadinServletResponse.getCurrent().getHttpServletResponse());
        return acting;
    }
}
