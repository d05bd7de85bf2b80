package fi.arki.ui.decks;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Component;

/**
 * How many deck uploads may be read at once: one per organisation (the platform's own uploads
 * count as one more), and a few on the whole node. Each running upload holds at most
 * {@link DeckUpload#MAX_BYTES} in memory, so the node's heap for uploads is bounded by
 * {@link #PER_NODE} times that. A slot is taken without waiting: the one who would have to wait
 * is told at once that another upload is in progress.
 */
@Component
public class UploadSlots {

    static final int PER_ORGANISATION = 1;
    static final int PER_NODE = 4;

    private final Semaphore node = new Semaphore(PER_NODE);
    private final Map<String, Semaphore> byOrganisation = new ConcurrentHashMap<>();

    /** A held slot; closing it gives it back (twice is harmless). */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /** A slot for the organisation (its id, or "platform"), or none if its or the node's are all taken. */
    public Optional<Slot> take(String organisation) {
        Semaphore own = byOrganisation.computeIfAbsent(organisation, o -> new Semaphore(PER_ORGANISATION));
        if (!own.tryAcquire()) {
            return Optional.empty();
        }
        if (!node.tryAcquire()) {
            own.release();
            return Optional.empty();
        }
        java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);
        return Optional.of(() -> {
            if (open.compareAndSet(true, false)) {
                node.release();
                own.release();
            }
        });
    }
}
