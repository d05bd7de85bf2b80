package fi.arki.ui.session;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.Command;
import fi.arki.session.LiveState;
import fi.arki.session.LiveStates;
import fi.arki.session.SessionBroadcaster;
import fi.arki.session.SessionId;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one view in step with its session. When the session changes (on this node or another),
 * the view's refresh reads the shared committed state outside {@code UI.access} — with the
 * session's tenant bound, because push callbacks run on no request — and only then takes the UI
 * lock to render and push. Refreshes of one view are coalesced to at most four a second. On
 * attach (first open, reconnect, reload) it always reads again: catch-up never depends on a
 * notification having arrived.
 */
final class LiveConnection {

    static final long MIN_INTERVAL_MS = 250;
    private static final Logger log = LoggerFactory.getLogger(LiveConnection.class);
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("arki-live-timer").factory());
    private static final ExecutorService WORKERS = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("arki-live-", 0).factory());

    private final TenantId tenant;
    private final SessionId session;
    private final LiveStates states;
    private final SessionBroadcaster broadcaster;
    private final Consumer<LiveState> render;
    private final Consumer<Boolean> connectionStatus;
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile long requestedAt;
    private volatile long lastRefresh;
    private volatile UI ui;
    private volatile SessionBroadcaster.Subscription subscription;

    private LiveConnection(TenantId tenant, SessionId session, LiveStates states, SessionBroadcaster broadcaster,
                           Consumer<LiveState> render, Consumer<Boolean> connectionStatus) {
        this.tenant = tenant;
        this.session = session;
        this.states = states;
        this.broadcaster = broadcaster;
        this.render = render;
        this.connectionStatus = connectionStatus;
    }

    /** Follows a session while {@code owner} is attached; {@code render} runs inside {@code UI.access}. */
    static LiveConnection follow(Component owner, TenantId tenant, SessionId session, LiveStates states,
                                 SessionBroadcaster broadcaster, Consumer<LiveState> render, Consumer<Boolean> connectionStatus) {
        LiveConnection connection = new LiveConnection(tenant, session, states, broadcaster, render, connectionStatus);
        owner.addAttachListener(e -> connection.start(e.getUI()));
        owner.addDetachListener(e -> connection.stop());
        if (owner.isAttached()) {
            owner.getUI().ifPresent(connection::start);
        }
        return connection;
    }

    private void start(UI attachedTo) {
        stop();
        ui = attachedTo;
        subscription = broadcaster.subscribe(tenant, session, change -> request());
        request();
    }

    private void stop() {
        SessionBroadcaster.Subscription s = subscription;
        subscription = null;
        if (s != null) {
            s.close();
        }
    }

    /** Asks for a refresh; several asks within the interval become one. */
    void request() {
        if (!pending.compareAndSet(false, true)) {
            return;
        }
        requestedAt = System.nanoTime();
        long wait = lastRefresh + MIN_INTERVAL_MS - System.currentTimeMillis();
        if (wait <= 0) {
            WORKERS.execute(this::refresh);
        } else {
            TIMER.schedule(() -> WORKERS.execute(this::refresh), wait, TimeUnit.MILLISECONDS);
        }
    }

    /** Asks for a refresh later, e.g. to try again after an outage (timers count down in the browser). */
    void requestIn(long millis) {
        TIMER.schedule(this::request, millis, TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        pending.set(false);
        lastRefresh = System.currentTimeMillis();
        UI target = ui;
        if (target == null || subscription == null) {
            return;
        }
        LiveState state;
        long started = System.nanoTime();
        try {
            state = TenantContext.callAs(tenant, () -> states.current(session));
        } catch (RuntimeException e) {
            log.debug("Could not read session {}: {}", session, e.getMessage());
            if (access(target, () -> connectionStatus.accept(false))) {
                requestIn(2000);
            }
            return;
        }
        long loaded = System.nanoTime();
        access(target, () -> {
            long rendering = System.nanoTime();
            connectionStatus.accept(true);
            render.accept(state);
            if (log.isDebugEnabled()) {
                log.debug("refresh of session {}: queued {} ms, state {} ms, lock {} ms, render {} ms", session,
                        (started - requestedAt) / 1_000_000, (loaded - started) / 1_000_000, (rendering - loaded) / 1_000_000,
                        (System.nanoTime() - rendering) / 1_000_000);
            }
        });
    }

    /**
     * Runs a UI update, unless the UI has gone in the meantime (the tab was closed or its session
     * ended before the detach listener ran): then this connection stops following the session,
     * instead of an exception on a worker thread and a listener left behind for good.
     */
    private boolean access(UI target, Command update) {
        try {
            target.access(update);
            return true;
        } catch (UIDetachedException gone) {
            log.debug("The view of session {} is gone; it stops following", session);
            if (ui == target) {
                ui = null;
                stop();
            }
            return false;
        }
    }
}
