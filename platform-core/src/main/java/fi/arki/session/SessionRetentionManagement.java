package fi.arki.session;

import fi.arki.session.internal.ExpiredSessions;
import fi.arki.shared.AccessRoles;
import fi.arki.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the tenant's retention period does (the purge itself is Arki's own scheduled job): shown to
 * the administrator who sets it, so that what they set is what they know will happen.
 */
@Service
public class SessionRetentionManagement {

    private final ExpiredSessions expired;

    SessionRetentionManagement(ExpiredSessions expired) {
        this.expired = expired;
    }

    /** With this retention period, which closed sessions of the current tenant the next purge deletes. */
    @RolesAllowed(AccessRoles.TENANT_ADMIN)
    @Transactional(readOnly = true)
    public RetentionPreview preview(int retentionDays) {
        TenantContext.require();
        Instant cutoff = Instant.now().minus(Duration.ofDays(Math.max(0, retentionDays)));
        return new RetentionPreview(retentionDays, cutoff, expired.countClosedBefore(cutoff.atOffset(ZoneOffset.UTC)));
    }
}
