package fi.arki.session;

import fi.arki.directory.TeamId;
import fi.arki.shared.TenantId;
import java.util.List;

/** Published when a facilitator has started a session. */
public record SessionStarted(TenantId tenantId, SessionId sessionId, String deckId, String deckVersion, List<TeamId> teams) {
}
