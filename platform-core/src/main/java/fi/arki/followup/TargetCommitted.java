package fi.arki.followup;

import fi.arki.directory.TeamId;
import fi.arki.shared.TenantId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Published when a team has committed to a development target. */
public record TargetCommitted(TenantId tenantId, TargetId targetId, TeamId teamId, @Nullable UUID sessionId) {
}
