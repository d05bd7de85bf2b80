package fi.arki.ui.security;

import fi.arki.audit.AuditAction;
import fi.arki.audit.AuditEvent;
import fi.arki.audit.AuditManagement;
import fi.arki.identity.AccountPrincipal;
import fi.arki.identity.ActingUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/** Records a sign-out in the audit log, naming who signed out and where they acted. */
@Component
class SignOutAudit implements LogoutHandler {

    private final AuditManagement audit;

    SignOutAudit(AuditManagement audit) {
        this.audit = audit;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication == null) {
            return;
        }
        ActingUser user = switch (authentication.getPrincipal()) {
            case ActingUser acting -> acting;
            case AccountPrincipal principal -> principal.actingUser();
            case null, default -> null;
        };
        if (user != null) {
            audit.recordAbout(user.displayName(), user.account(), user.tenant(),
                    AuditEvent.of(AuditAction.SIGN_OUT, "account", user.account())
                            .with("method", authentication.getPrincipal() instanceof SsoUser ? "keycloak" : "local"));
        }
    }
}
