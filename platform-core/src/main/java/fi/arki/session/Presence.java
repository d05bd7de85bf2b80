package fi.arki.session;

import fi.arki.session.internal.Changes;
import fi.arki.session.internal.Sessions;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who is here, as a count. A participant with a view open on any node is marked seen in the
 * database every 20 seconds by that node; one not seen for a minute no longer counts (a node
 * that died takes its participants' presence with it). Only the count is ever shown.
 */
@Component
public class Presence {

    private static final Logger log = LoggerFactory.getLogger(Presence.class);

    private record Key(TenantId tenant, SessionId session, ParticipantId participant) {
    }

    private final Map<Key, AtomicInteger> attached = new ConcurrentHashMap<>();
    /** Arrivals and departures not yet written: flushed together once a second, one statement per session. */
    private final Map<Key, Boolean> changed = new ConcurrentHashMap<>();
    private final Sessions sessions;
    private final fi.arki.session.internal.ParticipantRows participantRows;
    private final Changes changes;
    private final TransactionTemplate transaction;

    Presence(Sessions sessions, Changes changes, PlatformTransactionManager transactions, fi.arki.session.internal.ParticipantRows participantRows) {
        this.participantRows = participantRows;
        this.sessions = sessions;
        this.changes = changes;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** A participant's view has opened; close the handle when it closes. */
    public AutoCloseable arrived(TenantId tenant, SessionId session, ParticipantId participant) {
        Key key = new Key(tenant, session, participant);
        attached.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        changed.put(key, true);
        return () -> {
            AtomicInteger left = attached.get(key);
            if (left != null && left.decrementAndGet() <= 0) {
                attached.remove(key);
                changed.put(key, false);
            }
        };
    }

    @Scheduled(fixedDelayString = "${arki.session.presence-flush:PT1S}")
    void flush() {
        if (changed.isEmpty()) {
            return;
        }
        Map<Key, Boolean> batch = new java.util.HashMap<>();
        for (Key key : List.copyOf(changed.keySet())) {
            Boolean present = changed.remove(key);
            if (present != null) {
                batch.put(key, present);
            }
        }
        Map<List<Object>, List<ParticipantId>> grouped = new java.util.HashMap<>();
        batch.forEach((key, present) -> grouped.computeIfAbsent(List.of(key.tenant(), key.session(), present), k -> new java.util.ArrayList<>())
                .add(key.participant()));
        grouped.forEach((k, participants) -> mark((TenantId) k.get(0), (SessionId) k.get(1), participants, (Boolean) k.get(2)));
    }

    @Scheduled(fixedDelayString = "${arki.session.presence-interval:PT20S}")
    void heartbeat() {
        Map<TenantId, Map<SessionId, List<ParticipantId>>> bySession = new java.util.HashMap<>();
        attached.keySet().forEach(k -> bySession.computeIfAbsent(k.tenant(), t -> new java.util.HashMap<>())
                .computeIfAbsent(k.session(), s -> new java.util.ArrayList<>()).add(k.participant()));
        bySession.forEach((tenant, sessionsOfTenant) -> sessionsOfTenant.forEach((session, participants) ->
                mark(tenant, session, participants, true)));
    }

    private void mark(TenantId tenant, SessionId session, List<ParticipantId> participants, boolean present) {
        try {
            TenantContext.runAs(tenant, () -> transaction.executeWithoutResult(status -> {
                Optional<Long> version = participantRows.seen(session, participants, present);
                version.ifPresent(v -> changes.afterCommit(tenant, session, v));
            }));
        } catch (RuntimeException e) {
            // presence is a courtesy: a database outage must not break a view that is opening or closing
            log.debug("Could not record presence in session {}: {}", session, e.getMessage());
        }
    }
}
