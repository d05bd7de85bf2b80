package fi.arki.followup;

import fi.arki.directory.TeamId;
import fi.arki.shared.TenantId;

/** Published when a tenant administrator has deleted an idea from the pipeline. */
public record IdeaDeleted(TenantId tenantId, IdeaId ideaId, TeamId teamId) {
}
