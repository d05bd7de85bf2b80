package fi.arki.followup;

import fi.arki.followup.internal.TargetRetention;
import fi.arki.tenancy.TenantContext;
import jakarta.annotation.security.DenyAll;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Development targets under the tenant's retention period (docs/data-lifecycle.md). A target is the
 * team's commitment, not the session's: when the session it was committed in is purged, an open
 * target stays (detached from the session), a finished one (done or dropped) goes with it. A
 * finished target no session holds goes once it has been unchanged for a retention period.
 * Only Arki's own retention purge calls this, in its transaction.
 */
@Service
@DenyAll
public class TargetRetentionManagement {

    private final TargetRetention retention;
    private final ApplicationEventPublisher events;

    TargetRetentionManagement(TargetRetention retention, ApplicationEventPublisher events) {
        this.retention = retention;
        this.events = events;
    }

    /** Releases the targets of sessions about to be purged; per session, what happened. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<UUID, TargetsReleased> releaseForPurge(Collection<UUID> sessions) {
        if (sessions.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Integer> reviews = retention.deleteReviewsIn(sessions);
        Map<UUID, Integer> deleted = retention.deleteFinishedCommittedIn(sessions);
        Map<UUID, Integer> detached = retention.detachOpenCommittedIn(sessions);
        Map<UUID, TargetsReleased> released = new HashMap<>();
        for (UUID session : sessions) {
            released.put(session, new TargetsReleased(deleted.getOrDefault(session, 0), detached.getOrDefault(session, 0),
                    reviews.getOrDefault(session, 0)));
        }
        return released;
    }

    /** Deletes finished targets no session holds that nobody has changed since {@code cutoff}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int purgeFinishedBefore(Instant cutoff, int retentionDays) {
        int purged = retention.deleteFinishedDetachedBefore(cutoff.atOffset(ZoneOffset.UTC));
        if (purged > 0) {
            events.publishEvent(new FinishedTargetsPurged(TenantContext.require(), purged, cutoff, retentionDays));
        }
        return purged;
    }
}
