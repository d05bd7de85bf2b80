package fi.arki.followup;

import fi.arki.directory.TeamId;
import fi.arki.shared.TenantId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Published when a team has escalated an idea to the organisation's pipeline. */
public record IdeaEscalated(TenantId tenantId, IdeaId ideaId, TeamId teamId, @Nullable UUID sessionId) {
}
