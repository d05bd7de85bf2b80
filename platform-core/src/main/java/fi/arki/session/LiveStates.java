package fi.arki.session;

import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The latest committed state of each followed session, read once per change and shared by every
 * view of that session on this node: a change reaches a thousand participants with one database
 * read, not a thousand.
 *
 * <p>Each change bumps a generation number before any view hears of it; a view asking after
 * that gets a state read after the change. Reads are single-flight per session, and waiting for
 * one parks the thread instead of spinning on a lock.
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
        /** The latest read, or the read in flight: everyone who asks meanwhile waits for the same one. */
        final AtomicReference<Read> read = new AtomicReference<>();
    }

    private record Read(long generation, CompletableFuture<LiveState> state) {
    }

    private Entry entry(Key key) {
        return entries.computeIfAbsent(key, k -> new Entry());
    }

    /**
     * The session's state, read after every change announced so far (needs the session's tenant
     * bound). Single-flight without a lock: of a thousand views asking at once after a change, one
     * reads and the others wait for its result (parked, not spinning on a monitor).
     */
    public LiveState current(SessionId session) {
        Entry entry = entry(new Key(TenantContext.require(), session));
        while (true) {
            long wanted = entry.generation.get();
            Read known = entry.read.get();
            if (known != null && known.generation() >= wanted && !known.state().isCompletedExceptionally()) {
                return join(known.state());
            }
            Read mine = new Read(wanted, new CompletableFuture<>());
            if (entry.read.compareAndSet(known, mine)) {
                try {
                    mine.state().complete(sessions.state(session));
                } catch (RuntimeException e) {
                    mine.state().completeExceptionally(e);
                    entry.read.compareAndSet(mine, null);
                    throw e;
                }
                return join(mine.state());
            }
        }
    }

    private static LiveState join(CompletableFuture<LiveState> state) {
        try {
            return state.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

}
