package fi.arki.audit;

import fi.arki.shared.AccountId;
import fi.arki.shared.TenantId;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One line of the audit log. {@code occurredAt} is an instant (UTC); {@code actor} is how the
 * actor was shown when they acted ({@code system} for Arki itself, {@code anonymous} for someone not
 * signed in, or the name a failed sign-in was tried with).
 */
public record AuditEntry(long id, Instant occurredAt, String actor, @Nullable AccountId actorAccount,
                         @Nullable TenantId tenant, String action, @Nullable String objectType,
                         @Nullable String objectId, AuditOutcome outcome, Map<String, String> detail) {

    public AuditEntry {
        detail = Map.copyOf(detail);
    }
}
