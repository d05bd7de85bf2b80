package fi.arki.session;

import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The latest committed state of each followed session, read once per change and shared by every
 * view of that session on this node: a change reaches a thousand participants with one database
 * read, not a thousand.
 *
 * <p>Each change bumps a generation number before any view hears of it; a view asking after
 * that gets a state read after the change. Reads are single-flight per session.
 */
@Component
public class LiveStates {

    private final SessionManagement sessions;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    LiveStates(SessionManagement sessions, SessionBroadcaster broadcaster) {
        this.sessions = sessions;
        broadcaster.beforeViews(change -> {
            Entry followed = entries.get(new Key(change.tenant(), change.session()));
            if (followed != null) {
                followed.generation.incrementAndGet();
            }
        });
        broadcaster.whenUnfollowed(session -> entries.keySet().removeIf(k -> k.session().equals(session)));
    }

    private record Key(TenantId tenant, SessionId session) {
    }

    private static final class Entry {
        final AtomicLong generation = new AtomicLong();
        volatile long loadedGeneration = -1;
        volatile LiveState state;
    }

    private Entry entry(Key key) {
        return entries.computeIfAbsent(key, k -> new Entry());
    }

    /** The session's state, read after every change announced so far (needs the session's tenant bound). */
    public LiveState current(SessionId session) {
        Entry entry = entry(new Key(TenantContext.require(), session));
        long wanted = entry.generation.get();
        LiveState cached = entry.state;
        if (cached != null && entry.loadedGeneration >= wanted) {
            return cached;
        }
        synchronized (entry) {
            if (entry.state != null && entry.loadedGeneration >= wanted) {
                return entry.state;
            }
            long generation = entry.generation.get();
            LiveState loaded = sessions.state(session);
            entry.state = loaded;
            entry.loadedGeneration = generation;
            return loaded;
        }
    }

}
