package fi.arki.session;

import fi.arki.shared.TenantId;

/** Published when a session has closed, by its facilitator or because nobody touched it. */
public record SessionClosed(TenantId tenantId, SessionId sessionId, boolean idle) {
}
