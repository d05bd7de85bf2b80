package fi.arki.followup;

import fi.arki.shared.TenantId;
import java.time.Instant;

/**
 * Published when the retention purge deleted finished targets that no session held any more,
 * because their last change was before {@code changedBefore}.
 */
public record FinishedTargetsPurged(TenantId tenantId, int targets, Instant changedBefore, int retentionDays) {
}
