package fi.arki.followup;

import fi.arki.directory.TeamId;
import fi.arki.shared.TenantId;

/** Published when the organisation has moved an idea or answered the team (the answer's text stays out of events). */
public record IdeaStatusChanged(TenantId tenantId, IdeaId ideaId, TeamId teamId, IdeaStatus from, IdeaStatus to,
                                boolean responded) {
}
