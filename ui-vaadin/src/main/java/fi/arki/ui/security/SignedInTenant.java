package fi.arki.ui.security;

import fi.arki.identity.ActingUser;
import fi.arki.tenancy.TenantContext;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Tells the platform that, where no tenant is bound explicitly, the signed-in user's chosen tenant
 * applies. Spring Security holds the user for each HTTP request, and Vaadin's security-context
 * strategy holds it for the push channel and {@code UI.access} too, so a view sees its user's
 * tenant however the browser's message arrived; a background thread has no user and no tenant.
 */
@Component
class SignedInTenant implements InitializingBean {

    @Override
    public void afterPropertiesSet() {
        TenantContext.useSignedInTenant(() -> CurrentUser.get().flatMap(ActingUser::tenantId));
    }
}
