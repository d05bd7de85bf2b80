package fi.arki.session.internal;

import fi.arki.followup.TargetRetentionManagement;
import fi.arki.followup.TargetsReleased;
import fi.arki.session.SessionId;
import fi.arki.session.SessionPurged;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.Tenant;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.tenancy.TenantSettingsManagement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Enforces each tenant's retention period: a session closed longer ago than the tenant's
 * {@code sessionRetentionDays} is deleted with everything it held, and finished development targets
 * no session holds go a retention period after their last change (what happens to a purged
 * session's targets: {@link TargetRetentionManagement}). Every purged session is audited (ids,
 * dates and counts only).
 *
 * <p>Safe with any number of nodes: each tenant is purged under its own binding, in short
 * transactions of at most {@value #BATCH} sessions, and a node locks the sessions it purges with
 * {@code FOR UPDATE SKIP LOCKED}, so two nodes never purge (or audit) the same session.
 */
@Component
class RetentionPurge {

    static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private final TenantManagement tenants;
    private final TenantSettingsManagement settings;
    private final ExpiredSessions expired;
    private final TargetRetentionManagement targets;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RetentionPurge(TenantManagement tenants, TenantSettingsManagement settings, ExpiredSessions expired,
                   TargetRetentionManagement targets, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.tenants = tenants;
        this.settings = settings;
        this.expired = expired;
        this.targets = targets;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = Clock.systemUTC();
    }

    /** Purges every tenant; returns the sessions purged. A tenant that fails is tried again next time. */
    @Scheduled(fixedDelayString = "${arki.retention.check-interval:PT1H}", initialDelayString = "${arki.retention.first-check:PT10M}")
    int purgeAll() {
        List<Tenant> all = transaction.execute(status -> tenants.all());
        int purged = 0;
        for (Tenant tenant : all == null ? List.<Tenant>of() : all) {
            try {
                purged += purge(tenant.id());
            } catch (RuntimeException e) {
                // the exception's class only: a message may quote a row
                log.warn("Retention purge of tenant {} failed ({}); it is tried again at the next check", tenant.id(),
                        e.getClass().getSimpleName());
            }
        }
        return purged;
    }

    /** Purges one tenant's expired sessions and finished targets, under that tenant; returns the sessions purged. */
    int purge(TenantId tenant) {
        return TenantContext.callAs(tenant, () -> {
            int total = 0;
            int batch;
            do {
                Integer done = transaction.execute(status -> purgeBatch(tenant));
                batch = done == null ? 0 : done;
                total += batch;
            } while (batch == BATCH);
            transaction.executeWithoutResult(status -> {
                int days = settings.current().sessionRetentionDays();
                targets.purgeFinishedBefore(cutoff(days), days);
            });
            if (total > 0) {
                log.info("Retention purge deleted {} sessions of tenant {}", total, tenant);
            }
            return total;
        });
    }

    private int purgeBatch(TenantId tenant) {
        int days = settings.current().sessionRetentionDays();
        Instant cutoff = cutoff(days);
        List<ExpiredSessions.Expired> sessions = expired.lockClosedBefore(cutoff.atOffset(ZoneOffset.UTC), BATCH);
        if (sessions.isEmpty()) {
            return 0;
        }
        List<UUID> ids = sessions.stream().map(ExpiredSessions.Expired::id).toList();
        Map<UUID, TargetsReleased> released = targets.releaseForPurge(ids);
        expired.delete(tenant, ids);
        for (ExpiredSessions.Expired session : sessions) {
            TargetsReleased r = released.getOrDefault(session.id(), TargetsReleased.NONE);
            events.publishEvent(new SessionPurged(tenant, new SessionId(session.id()), session.closedAt().toInstant(), days,
                    r.deleted(), r.detached()));
        }
        return sessions.size();
    }

    private Instant cutoff(int retentionDays) {
        return clock.instant().minus(Duration.ofDays(retentionDays));
    }
}
