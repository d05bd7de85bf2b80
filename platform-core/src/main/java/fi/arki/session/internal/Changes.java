package fi.arki.session.internal;

import fi.arki.session.SessionBroadcaster;
import fi.arki.session.SessionId;
import fi.arki.shared.TenantId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Announces a session's change once the transaction that made it has committed, never before:
 * a view told of a change must find it in the database, and a rolled-back change is never told.
 */
@Component
public class Changes {

    private final SessionBroadcaster broadcaster;

    Changes(SessionBroadcaster broadcaster) {
        this.broadcaster = broadcaster;
    }

    public void afterCommit(TenantId tenant, SessionId session, long version) {
        SessionBroadcaster.Change change = new SessionBroadcaster.Change(tenant, session, version);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            broadcaster.committed(change);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                broadcaster.committed(change);
            }
        });
    }
}
