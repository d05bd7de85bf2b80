package fi.arki.session.internal;

import fi.arki.session.SessionBroadcaster;
import fi.arki.session.SessionBroadcaster.Change;
import fi.arki.session.SessionId;
import fi.arki.shared.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Carries session changes between the nodes that share one PostgreSQL.
 *
 * <p>Sending: after a local commit the change is queued, and a sender thread sends it with
 * {@code pg_notify} in its own short autocommit statement — never inside the transaction that
 * wrote the answer (measured: that costs 5–11× the throughput). Changes of one session that queue
 * up meanwhile are sent once, with the highest version. The payload holds ids only.
 *
 * <p>Receiving: a dedicated connection (not from the pool) LISTENs; each notification from another
 * node feeds this node's broadcaster. When that connection is lost, every view on this node reads
 * its session again after reconnecting, so a missed notification costs a refresh, never a change.
 */
@Component
class CrossNodeNotifier implements SmartLifecycle {

    static final String CHANNEL = "arki_session";
    private static final Logger log = LoggerFactory.getLogger(CrossNodeNotifier.class);

    private final SessionBroadcaster broadcaster;
    private final DataSource pool;
    private final DataSourceProperties properties;
    private final String node = UUID.randomUUID().toString().substring(0, 8);
    private final LinkedBlockingQueue<Change> outbox = new LinkedBlockingQueue<>(100_000);
    private volatile boolean running;
    private volatile Connection listening;
    private Thread sender;
    private Thread receiver;

    CrossNodeNotifier(SessionBroadcaster broadcaster, DataSource pool, DataSourceProperties properties) {
        this.broadcaster = broadcaster;
        this.pool = pool;
        this.properties = properties;
        broadcaster.onLocalCommit(change -> {
            if (!outbox.offer(change)) {
                log.warn("Cross-node outbox full; other nodes catch up on their next change");
            }
        });
    }

    @Override
    public void start() {
        running = true;
        sender = Thread.ofPlatform().daemon().name("arki-notify-send").start(this::sendLoop);
        receiver = Thread.ofPlatform().daemon().name("arki-notify-listen").start(this::listenLoop);
    }

    @Override
    public void stop() {
        running = false;
        sender.interrupt();
        receiver.interrupt();
        Connection c = listening;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    String node() {
        return node;
    }

    private void sendLoop() {
        while (running) {
            try {
                Change first = outbox.take();
                Map<SessionId, Change> batch = new LinkedHashMap<>();
                batch.put(first.session(), first);
                List<Change> more = new ArrayList<>();
                outbox.drainTo(more, 10_000);
                more.forEach(c -> batch.merge(c.session(), c, (a, b) -> a.version() >= b.version() ? a : b));
                send(batch.values());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Could not send session changes to other nodes", e);
            }
        }
    }

    private void send(Iterable<Change> changes) {
        List<String> payloads = new ArrayList<>();
        changes.forEach(c -> payloads.add(node + ":" + c.tenant() + ":" + c.session() + ":" + c.version()));
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("select pg_notify('" + CHANNEL + "', p) from unnest(?::text[]) p")) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            ps.setArray(1, c.createArrayOf("text", payloads.toArray()));
            ps.execute();
        } catch (SQLException e) {
            log.warn("Could not notify other nodes of {} session changes: {}", payloads.size(), e.getMessage());
        }
    }

    private void listenLoop() {
        long backoff = 200;
        while (running) {
            try (Connection c = java.sql.DriverManager.getConnection(properties.determineUrl(),
                    properties.determineUsername(), properties.determinePassword())) {
                listening = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                backoff = 200;
                broadcaster.refreshAll();
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification n : notifications) {
                        received(n.getParameter());
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                log.warn("Lost the connection that listens to other nodes ({}); reconnecting", e.getMessage());
                try {
                    TimeUnit.MILLISECONDS.sleep(backoff);
                } catch (InterruptedException ie) {
                    return;
                }
                backoff = Math.min(backoff * 2, 5000);
            }
        }
    }

    private void received(String payload) {
        String[] parts = payload.split(":");
        if (parts.length != 4 || parts[0].equals(node)) {
            return;
        }
        try {
            broadcaster.receivedFromOtherNode(new Change(TenantId.of(parts[1]), SessionId.of(parts[2]), Long.parseLong(parts[3])));
        } catch (IllegalArgumentException e) {
            log.warn("Ignored a malformed session notification");
        }
    }
}
