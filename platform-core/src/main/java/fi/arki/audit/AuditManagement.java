package fi.arki.audit;

import fi.arki.audit.internal.AuditEntries;
import fi.arki.shared.AccessRoles;
import fi.arki.shared.Callers;
import fi.arki.shared.AccountId;
import fi.arki.shared.Actor;
import fi.arki.shared.AnonymousAllowed;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and reads the audit log. An entry is written in the caller's transaction, so the record
 * of a change commits or rolls back with the change; record a failure after the failed
 * transaction has ended. The actor is the signed-in user of the call ({@code system} when there is
 * none), the tenant the one bound to the call.
 */
@Service
public class AuditManagement {

    public static final String SYSTEM = "system";
    public static final String ANONYMOUS = "anonymous";
    static final int MAX_ENTRIES = 1000;

    private final AuditEntries entries;

    AuditManagement(AuditEntries entries) {
        this.entries = entries;
    }

    /** Records what the current actor did in the current tenant. */
    @AnonymousAllowed
    @Transactional
    public void record(AuditEvent event) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            entries.insert(SYSTEM, null, TenantContext.current().orElse(null), event);
        } else if (authentication.getPrincipal() instanceof Actor actor) {
            entries.insert(actor.label(), actor.accountId(), TenantContext.current().orElse(null), event);
        } else if (authentication instanceof AnonymousAuthenticationToken) {
            entries.insert(ANONYMOUS, null, TenantContext.current().orElse(null), event);
        } else {
            entries.insert(clip(authentication.getName()), null, TenantContext.current().orElse(null), event);
        }
    }

    /**
     * Records a sign-in attempt or another event about an account that is not (yet) the signed-in
     * user: {@code attemptedAs} is the name the attempt used, {@code account} the account if known.
     */
    @AnonymousAllowed
    @Transactional
    public void recordAbout(String attemptedAs, @Nullable AccountId account, @Nullable TenantId tenant, AuditEvent event) {
        // the log is a platform table: a user may add to their own tenant's part of it, never to another's
        if (!Callers.system() && tenant != null && TenantContext.current().filter(tenant::equals).isEmpty()) {
            throw new AccessDeniedException("An entry of another tenant's audit log");
        }
        entries.insert(clip(attemptedAs), account, tenant, event);
    }

    /** The newest entries of the tenant bound to the call, newest first. */
    @RolesAllowed(AccessRoles.TENANT_ADMIN)
    @Transactional(readOnly = true)
    public List<AuditEntry> tenantEntries(int limit) {
        return entries.newest(TenantContext.require(), Math.clamp(limit, 1, MAX_ENTRIES));
    }

    /** The newest entries of the whole platform, newest first. */
    @RolesAllowed(AccessRoles.PLATFORM_ADMIN)
    @Transactional(readOnly = true)
    public List<AuditEntry> platformEntries(int limit) {
        return entries.newest(null, Math.clamp(limit, 1, MAX_ENTRIES));
    }

    private static String clip(@Nullable String name) {
        String clean = name == null || name.isBlank() ? ANONYMOUS : name.strip().replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 300 ? clean.substring(0, 300) : clean;
    }
}
