package fi.arki.followup;

import fi.arki.shared.TenantId;
import java.util.UUID;

/** Published when a team has reviewed one of its targets in a session. */
public record TargetReviewed(TenantId tenantId, TargetId targetId, UUID sessionId, ReviewOutcome outcome) {
}
