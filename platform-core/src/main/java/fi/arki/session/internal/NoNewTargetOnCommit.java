package fi.arki.session.internal;

import fi.arki.followup.TargetCommitted;
import fi.arki.session.NoNewTargetChanged;
import fi.arki.session.SessionId;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A target committed in a session withdraws the session's "no new target": the two cannot both
 * be what the team decided. Runs in the committing transaction (a plain listener), under the
 * event's tenant.
 */
@Component
class NoNewTargetOnCommit {

    private final NoNewTargets decisions;
    private final Sessions sessions;
    private final Changes changes;
    private final ApplicationEventPublisher events;

    NoNewTargetOnCommit(NoNewTargets decisions, Sessions sessions, Changes changes, ApplicationEventPublisher events) {
        this.decisions = decisions;
        this.sessions = sessions;
        this.changes = changes;
        this.events = events;
    }

    @EventListener
    void on(TargetCommitted committed) {
        if (committed.sessionId() == null) {
            return;
        }
        SessionId session = new SessionId(committed.sessionId());
        List<Integer> withdrawn = decisions.clearAll(session);
        for (int step : withdrawn) {
            events.publishEvent(new NoNewTargetChanged(committed.tenantId(), session, step, false, "target-committed"));
        }
        if (!withdrawn.isEmpty()) {
            changes.afterCommit(committed.tenantId(), session, sessions.touch(session));
        }
    }
}
