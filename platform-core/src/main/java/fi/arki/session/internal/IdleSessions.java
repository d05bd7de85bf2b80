package fi.arki.session.internal;

import fi.arki.session.SessionId;
import fi.arki.session.FacilitationManagement;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes sessions nobody has touched for a while. Safe with any number of nodes: the running
 * sessions are found through their join codes (a platform table), each is closed under its own
 * tenant with one conditional UPDATE, and only the node whose UPDATE changed the row announces it.
 */
@Component
class IdleSessions {

    private static final Logger log = LoggerFactory.getLogger(IdleSessions.class);

    private final Sessions sessions;
    private final FacilitationManagement management;
    private final TransactionTemplate transaction;
    private final Duration idleAfter;

    IdleSessions(Sessions sessions, FacilitationManagement management, PlatformTransactionManager transactions,
                 @Value("${arki.session.idle-close-after:PT8H}") Duration idleAfter) {
        this.sessions = sessions;
        this.management = management;
        this.transaction = new TransactionTemplate(transactions);
        this.idleAfter = idleAfter;
    }

    @Scheduled(fixedDelayString = "${arki.session.idle-check-interval:PT5M}", initialDelayString = "${arki.session.idle-check-interval:PT5M}")
    int closeIdle() {
        List<org.jooq.Record> open = transaction.execute(status -> sessions.openSessionsAcrossTenants());
        int closed = 0;
        for (org.jooq.Record r : open == null ? List.<org.jooq.Record>of() : open) {
            TenantId tenant = new TenantId(r.get(0, UUID.class));
            SessionId session = new SessionId(r.get(1, UUID.class));
            try {
                Boolean done = TenantContext.callAs(tenant, () -> transaction.execute(status -> management.closeIfIdle(session, idleAfter)));
                if (Boolean.TRUE.equals(done)) {
                    closed++;
                    log.info("Closed session {} of tenant {}: idle for {}", session, tenant, idleAfter);
                }
            } catch (RuntimeException e) {
                log.warn("Could not check session {} for idleness: {}", session, e.getMessage());
            }
        }
        return closed;
    }
}
