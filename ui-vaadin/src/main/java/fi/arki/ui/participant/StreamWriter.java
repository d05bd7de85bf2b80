package fi.arki.ui.participant;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Writes to one participant's event stream without ever making the caller wait for that
 * participant's network.
 *
 * <p>Why: a servlet write blocks while the client's TCP window is full (a phone that stopped
 * reading, a stalled connection), until Tomcat's connection timeout. Written in turn from the
 * broadcaster, one such stream held up every other participant's next step for that long. Here the
 * broadcaster only hands the frame over; this stream's own virtual thread writes it. A stalled
 * stream keeps at most one frame waiting, the newest: each step frame is the whole current state,
 * so a newer one replaces an older one unsent, and a heartbeat is sent only when nothing else is
 * waiting. {@link #stalledFor} tells how long a write has been stuck, so that the streams can drop
 * the participant after a bounded time (its blocked write itself ends at Tomcat's timeout, on this
 * stream's thread, with nobody waiting for it).
 */
final class StreamWriter {

    /** A heartbeat carries no version: it never replaces a step frame. */
    private static final long NO_VERSION = -1;

    private record Outgoing(long version, byte[] bytes) {
    }

    private final SseEmitter emitter;
    private final Executor executor;
    private final Runnable onFailure;
    private final AtomicReference<@Nullable Outgoing> waiting = new AtomicReference<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    /** System.nanoTime() when the current write began; 0 while no write is under way. */
    private volatile long writingSince;
    private volatile boolean failed;
    /** The newest version written; touched by the one draining thread only. */
    private long written = NO_VERSION;

    StreamWriter(SseEmitter emitter, Executor executor, Runnable onFailure) {
        this.emitter = emitter;
        this.executor = executor;
        this.onFailure = onFailure;
    }

    /** Sends the frame of this session version, unless a newer one is already sent or waiting. */
    void frame(long version, byte[] bytes) {
        offer(new Outgoing(version, bytes));
    }

    void heartbeat(byte[] bytes) {
        offer(new Outgoing(NO_VERSION, bytes));
    }

    /** How long the write under way has been stuck, in nanoseconds; 0 if none is. */
    long stalledFor(long nanoNow) {
        long since = writingSince;
        return since == 0 ? 0 : nanoNow - since;
    }

    /** Writes at once, on the caller's thread: only for the stream's first bytes, before anyone else can write to it. */
    static void writeNow(SseEmitter emitter, byte[] frame) throws IOException {
        // the frame is SSE already: ByteArrayHttpMessageConverter copies it unchanged, nothing is encoded per stream
        emitter.send(Set.of(new DataWithMediaType(frame, MediaType.TEXT_EVENT_STREAM)));
    }

    private void offer(Outgoing next) {
        if (failed) {
            return;
        }
        waiting.accumulateAndGet(next, StreamWriter::newer);
        if (draining.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private static Outgoing newer(@Nullable Outgoing waiting, Outgoing next) {
        if (waiting == null) {
            return next;
        }
        if (next.version() == NO_VERSION) {
            return waiting;
        }
        return waiting.version() > next.version() ? waiting : next;
    }

    private void drain() {
        while (true) {
            Outgoing next = waiting.getAndSet(null);
            if (next == null) {
                draining.set(false);
                // a frame offered after getAndSet but before the flag cleared would be left behind: look once more
                if (waiting.get() == null || !draining.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            if (next.version() != NO_VERSION && next.version() <= written) {
                continue; // already sent (a reconnect's catch-up racing a broadcast)
            }
            writingSince = System.nanoTime() | 1; // never 0 while writing
            try {
                writeNow(emitter, next.bytes());
                if (next.version() != NO_VERSION) {
                    written = next.version();
                }
            } catch (IOException | RuntimeException e) {
                // the participant went away (Tomcat tells only when we write) or the write timed out
                failed = true;
                waiting.set(null);
                onFailure.run();
                return;
            } finally {
                writingSince = 0;
            }
        }
    }
}
