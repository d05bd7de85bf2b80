package fi.arki.session;

import fi.arki.shared.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * This node's listeners per session. After a change has committed, the writer tells the
 * broadcaster "session S is at version V"; every subscribed view then reads what it needs and
 * updates itself. Other nodes hear of the change through PostgreSQL (LISTEN/NOTIFY) and feed
 * their own broadcaster. A listener must return at once: it only schedules its own refresh.
 */
@Component
public class SessionBroadcaster {

    private static final Logger log = LoggerFactory.getLogger(SessionBroadcaster.class);

    /** What a change announcement carries: ids only. */
    public record Change(TenantId tenant, SessionId session, long version) {
    }

    private final Map<SessionId, List<Consumer<Change>>> listeners = new ConcurrentHashMap<>();
    private final Map<SessionId, TenantId> tenants = new ConcurrentHashMap<>();
    private final List<Consumer<Change>> committed = new CopyOnWriteArrayList<>();
    private final List<Consumer<Change>> first = new CopyOnWriteArrayList<>();
    private final List<Consumer<SessionId>> unfollowed = new CopyOnWriteArrayList<>();

    /** Subscribes a listener to one session; close the returned handle when the view goes away. */
    public Subscription subscribe(TenantId tenant, SessionId session, Consumer<Change> listener) {
        tenants.put(session, tenant);
        listeners.computeIfAbsent(session, s -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.computeIfPresent(session, (s, list) -> {
            list.remove(listener);
            if (list.isEmpty()) {
                tenants.remove(s);
                unfollowed.forEach(hook -> hook.accept(s));
                return null;
            }
            return list;
        });
    }

    /** A subscription; closing it twice is harmless. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Tells every view on this node to read its session again, e.g. after the connection that
     * listens to other nodes was lost and notifications may have been missed.
     */
    public void refreshAll() {
        tenants.forEach((session, tenant) -> deliver(new Change(tenant, session, -1)));
    }

    /** Runs when the last view of a session on this node has gone. */
    void whenUnfollowed(Consumer<SessionId> hook) {
        unfollowed.add(hook);
    }

    /** Runs before any view hears of a change (the shared state cache uses it). */
    void beforeViews(Consumer<Change> hook) {
        first.add(hook);
    }

    /** Called after a local commit: tells this node's views and, through hooks, other nodes. */
    public void committed(Change change) {
        deliver(change);
        committed.forEach(hook -> hook.accept(change));
    }

    /** Called when another node announced a change: this node's views only. */
    public void receivedFromOtherNode(Change change) {
        deliver(change);
    }

    /** Hook for the cross-node notifier: runs after each local commit's announcement. */
    public void onLocalCommit(Consumer<Change> hook) {
        committed.add(hook);
    }

    /** The sessions some view on this node follows. */
    public Set<SessionId> followed() {
        return Set.copyOf(listeners.keySet());
    }

    public int listenerCount() {
        return listeners.values().stream().mapToInt(List::size).sum();
    }

    private void deliver(Change change) {
        first.forEach(hook -> hook.accept(change));
        List<Consumer<Change>> subscribed = listeners.get(change.session());
        if (subscribed == null) {
            return;
        }
        for (Consumer<Change> listener : subscribed) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                log.warn("A session listener failed", e);
            }
        }
    }
}
