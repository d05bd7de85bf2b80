package fi.arki.session;

import fi.arki.shared.TenantId;
import java.time.Instant;

/**
 * Published when the retention purge has deleted a closed session with everything it held
 * (participants, answers, groups, votes, ratings, touchpoints; its summary is made from these).
 * {@code targetsDeleted} finished targets went with it, {@code targetsDetached} open ones stay with
 * the team. Ids, dates and counts only: the audit log keeps this longer than the session.
 */
public record SessionPurged(TenantId tenantId, SessionId session, Instant closedAt, int retentionDays,
                            int targetsDeleted, int targetsDetached) {
}
