package fi.arki.ui.participant;

import fi.arki.session.LiveState;
import fi.arki.session.LiveStates;
import fi.arki.session.Presence;
import fi.arki.session.SessionBroadcaster;
import fi.arki.session.SessionId;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The participants' open event streams on this node, per session. After a change has committed
 * (here or, through LISTEN/NOTIFY, on another node) it reads the session's shared state once,
 * renders the step once per language and kind of participant, builds each SSE frame once and
 * writes the same bytes to every stream of that language and kind: nothing is rendered or
 * encoded per participant.
 *
 * <p>Nothing depends on an announcement arriving: a stream that (re)connects is sent the current
 * step at once if it is behind ({@code Last-Event-ID} is the session version).
 *
 * <p>No participant's network holds up anyone else's: the broadcaster and the heartbeat only hand
 * frames to each stream's {@link StreamWriter}, which writes on its own virtual thread. A stream
 * whose write has been stuck longer than {@code arki.participant.write-timeout-seconds} (a client
 * that stopped reading, its TCP window full) is dropped: it leaves the session's presence and gets
 * nothing more; its blocked write ends at Tomcat's connection timeout, with nobody waiting for it.
 */
@Component
public class ParticipantStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ParticipantStreams.class);

    private final LiveStates states;
    private final SessionBroadcaster broadcaster;
    private final Presence presence;
    private final StepSource steps;
    private final long heartbeatSeconds;
    private final long writeTimeoutNanos;
    private final Map<Key, Hub> hubs = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("arki-sse-", 0).factory());
    private @Nullable ScheduledExecutorService heartbeat;
    private volatile boolean running;

    ParticipantStreams(LiveStates states, SessionBroadcaster broadcaster, Presence presence, StepSource steps,
                       @Value("${arki.participant.heartbeat-seconds:15}") long heartbeatSeconds,
                       @Value("${arki.participant.write-timeout-seconds:10}") long writeTimeoutSeconds) {
        this.states = states;
        this.broadcaster = broadcaster;
        this.presence = presence;
        this.steps = steps;
        this.heartbeatSeconds = heartbeatSeconds;
        this.writeTimeoutNanos = TimeUnit.SECONDS.toNanos(writeTimeoutSeconds);
    }

    private record Key(TenantId tenant, SessionId session) {
    }

    private record Variant(Locale locale, ParticipantKind kind) {
    }

    private static Variant variant(ParticipantConnection connection) {
        return new Variant(connection.locale(), connection.kind());
    }

    /** The frames of one version, one per language and kind that has asked so far. */
    private record Rendered(long version, LiveState state, Map<Variant, byte[]> frames) {
    }

    private final class Hub {
        final Key key;
        final List<ParticipantConnection> connections = new CopyOnWriteArrayList<>();
        final Map<ParticipantConnection, AutoCloseable> presences = new ConcurrentHashMap<>();
        final AtomicBoolean pending = new AtomicBoolean();
        /** One publication at a time per session, so a stream never gets versions out of order from the broadcaster. */
        final ReentrantLock publishing = new ReentrantLock();
        volatile @Nullable Rendered latest;
        volatile SessionBroadcaster.@Nullable Subscription subscription;

        Hub(Key key) {
            this.key = key;
        }

        /** Renders (once) and caches the frame of this state for one language and kind. */
        byte[] frame(LiveState state, Variant variant) {
            Rendered known = latest;
            if (known == null || known.version() != state.version()) {
                known = new Rendered(state.version(), state, new ConcurrentHashMap<>());
                Rendered seen = latest;
                if (seen == null || seen.version() < state.version()) {
                    latest = known;
                }
            }
            return known.frames().computeIfAbsent(variant,
                    v -> TenantContext.callAs(key.tenant(), () -> SseFrames.concat(
                            SseFrames.event("bar", state.version(), steps.bar(state, v.locale())),
                            SseFrames.event("step", state.version(), steps.step(state, v.locale(), v.kind())))));
        }
    }

    /**
     * Opens a participant's stream: it hears every later change and, if {@code lastSeen} is behind
     * the session (or unknown), gets the current step at once.
     */
    void open(TenantId tenant, SessionId session, ParticipantConnection connection, @Nullable Long lastSeen) throws IOException {
        if (!running) {
            throw new IllegalStateException("shutting down");
        }
        // Spring commits an SSE response only with its first write: until then the browser's EventSource stays "connecting"
        StreamWriter.writeNow(connection.emitter(), SseFrames.OPEN);
        Key key = new Key(tenant, session);
        Hub hub;
        while (true) {
            Hub candidate = hubs.computeIfAbsent(key, Hub::new);
            synchronized (candidate) {
                // the last stream of a session may have closed its hub meanwhile: then take a new one
                if (hubs.get(key) == candidate) {
                    connection.open(new StreamWriter(connection.emitter(), workers, () -> drop(candidate, connection)));
                    candidate.connections.add(connection);
                    if (candidate.subscription == null) {
                        candidate.subscription = broadcaster.subscribe(tenant, session, change -> schedule(candidate));
                    }
                    hub = candidate;
                    break;
                }
            }
        }
        Hub joined = hub;
        connection.emitter().onCompletion(() -> close(joined, connection));
        connection.emitter().onError(e -> close(joined, connection));
        connection.emitter().onTimeout(() -> close(joined, connection));
        hub.presences.put(connection, presence.arrived(tenant, session, connection.participant()));
        // subscribed first, read second: a change committed meanwhile is either in this read or announced after it
        LiveState state = TenantContext.callAs(tenant, () -> states.current(session));
        if (lastSeen == null || lastSeen < state.version()) {
            connection.writer().frame(state.version(), hub.frame(state, variant(connection)));
        }
    }

    /** How many streams of a session are open on this node. */
    int connected(TenantId tenant, SessionId session) {
        Hub hub = hubs.get(new Key(tenant, session));
        return hub == null ? 0 : hub.connections.size();
    }

    int total() {
        return hubs.values().stream().mapToInt(h -> h.connections.size()).sum();
    }

    private void schedule(Hub hub) {
        // a burst of changes makes one read and one broadcast of the latest state, not one per change
        if (hub.pending.compareAndSet(false, true)) {
            workers.execute(() -> publish(hub));
        }
    }

    private void publish(Hub hub) {
        hub.publishing.lock();
        try {
            hub.pending.set(false);
            if (hub.connections.isEmpty()) {
                return;
            }
            LiveState state = TenantContext.callAs(hub.key.tenant(), () -> states.current(hub.key.session()));
            Rendered sent = hub.latest;
            if (sent != null && sent.version() > state.version()) {
                return;
            }
            Map<Variant, byte[]> frames = new HashMap<>();
            long now = System.nanoTime();
            for (ParticipantConnection connection : hub.connections) {
                if (stalled(hub, connection, now)) {
                    continue;
                }
                byte[] frame = frames.computeIfAbsent(variant(connection), v -> hub.frame(state, v));
                connection.writer().frame(state.version(), frame); // hands over only: never waits for this participant's network
            }
        } catch (RuntimeException e) {
            // the next change or reconnect catches up from the database
            log.warn("Could not send session {} to its participants: {}", hub.key.session(), e.toString());
        } finally {
            hub.publishing.unlock();
        }
    }

    /** A stream whose write has been stuck too long is dropped (true); the others are fine (false). */
    private boolean stalled(Hub hub, ParticipantConnection connection, long now) {
        if (connection.writer().stalledFor(now) <= writeTimeoutNanos) {
            return false;
        }
        log.info("Dropped a participant's stream of session {}: a write was stuck over {} s", hub.key.session(),
                TimeUnit.NANOSECONDS.toSeconds(writeTimeoutNanos));
        drop(hub, connection);
        return true;
    }

    /**
     * Ends a stream that failed or stalled. Completing waits for a write under way (the emitter
     * writes under a lock), so it runs on its own virtual thread, never the broadcaster's.
     */
    private void drop(Hub hub, ParticipantConnection connection) {
        close(hub, connection);
        workers.execute(() -> {
            try {
                connection.emitter().complete();
            } catch (RuntimeException ignored) {
                // already completed
            }
        });
    }

    private void close(Hub hub, ParticipantConnection connection) {
        if (!hub.connections.remove(connection)) {
            return;
        }
        AutoCloseable here = hub.presences.remove(connection);
        if (here != null) {
            try {
                here.close();
            } catch (Exception e) {
                log.debug("Presence handle failed to close", e);
            }
        }
        synchronized (hub) {
            if (hub.connections.isEmpty()) {
                if (hub.subscription != null) {
                    hub.subscription.close();
                    hub.subscription = null;
                }
                hubs.remove(hub.key, hub);
            }
        }
    }

    private void beat() {
        long now = System.nanoTime();
        for (Hub hub : hubs.values()) {
            for (ParticipantConnection connection : hub.connections) {
                if (!stalled(hub, connection, now)) {
                    connection.writer().heartbeat(SseFrames.HEARTBEAT);
                }
            }
        }
    }

    @Override
    public void start() {
        heartbeat = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("arki-sse-heartbeat").factory());
        heartbeat.scheduleWithFixedDelay(() -> workers.execute(this::beat), heartbeatSeconds, heartbeatSeconds, TimeUnit.SECONDS);
        running = true;
    }

    /**
     * Ends every stream before the web server stops: graceful shutdown would otherwise wait its
     * whole timeout for them, since each open stream is an async request in progress.
     */
    @Override
    public void stop() {
        running = false;
        if (heartbeat != null) {
            heartbeat.shutdownNow();
        }
        for (Hub hub : List.copyOf(hubs.values())) {
            for (ParticipantConnection connection : List.copyOf(hub.connections)) {
                drop(hub, connection);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
