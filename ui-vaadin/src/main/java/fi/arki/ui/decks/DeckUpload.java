package fi.arki.ui.decks;

import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import fi.arki.deck.DeckManagement;
import fi.arki.shared.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deck catalogue's upload request: the body is streamed, never read past the package limit
 * (the bytes read stop at {@link #MAX_BYTES} + 1, whatever the client sends or claims), and an
 * organisation runs one upload at a time ({@link UploadSlots}). A refusal is answered at once,
 * in the user's language, both to the upload component and (through {@code refused}) on the page;
 * Tomcat then swallows at most {@code server.tomcat.max-swallow-size} of what is left and closes
 * the connection.
 */
final class DeckUpload implements UploadHandler {

    static final int MAX_BYTES = DeckManagement.MAX_PACKAGE_BYTES;
    private static final Logger log = LoggerFactory.getLogger(DeckUpload.class);

    private final UploadSlots slots;
    private final String organisation;
    private final Function<InvalidInputException, String> translate;
    private final BiConsumer<String, byte[]> received;
    private final BiConsumer<String, InvalidInputException> refused;

    /**
     * @param organisation whose slot an upload takes (a tenant id, or "platform")
     * @param translate    the text of a refusal in the user's language, for the upload component
     * @param received     runs with the whole package (at most {@link #MAX_BYTES}) in the request
     * @param refused      runs when the upload is refused before {@code received}
     */
    DeckUpload(UploadSlots slots, String organisation, Function<InvalidInputException, String> translate,
               BiConsumer<String, byte[]> received, BiConsumer<String, InvalidInputException> refused) {
        this.slots = slots;
        this.organisation = organisation;
        this.translate = translate;
        this.received = received;
        this.refused = refused;
    }

    static InvalidInputException tooLarge() {
        return new InvalidInputException("deck.problem.package.too-large", MAX_BYTES / (1024 * 1024));
    }

    @Override
    public void handleUploadRequest(UploadEvent event) {
        String fileName = event.getFileName();
        if (event.getFileSize() > MAX_BYTES) {
            // the client says so itself: nothing is read
            refuse(event, fileName, tooLarge());
            return;
        }
        Optional<UploadSlots.Slot> slot = slots.take(organisation);
        if (slot.isEmpty()) {
            refuse(event, fileName, new InvalidInputException("decks.upload.busy"));
            return;
        }
        // Vaadin's own in-memory handler does the rest (progress, the component's start and finish
        // events, the callback in the UI), reading from a stream that breaks off past the cap
        CappedEvent capped = new CappedEvent(event);
        try (UploadSlots.Slot held = slot.get()) {
            UploadHandler.inMemory((metadata, bytes) -> received.accept(fileName, bytes)).handleUploadRequest(capped);
        } catch (IOException | java.io.UncheckedIOException e) {
            log.info("A deck upload broke off: {}", e.toString());
            if (!capped.tooLarge) {
                refuse(event, fileName, new InvalidInputException("decks.upload.broken"));
            }
        }
        if (capped.tooLarge) {
            refuse(event, fileName, tooLarge());
        }
    }

    /** The upload as Vaadin sent it, with a body that ends in an error one byte past the cap. */
    private static final class CappedEvent extends UploadEvent {
        private final UploadEvent original;
        private volatile boolean tooLarge;

        CappedEvent(UploadEvent original) {
            super(original.getRequest(), original.getResponse(), original.getSession(), original.getFileName(),
                    original.getFileSize(), original.getContentType(), original.getOwningElement(), null);
            this.original = original;
        }

        @Override
        public InputStream getInputStream() {
            InputStream in = original.getInputStream();
            return new java.io.FilterInputStream(in) {
                private long read;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    // never more than one byte past the cap is asked of the request
                    int n = super.read(b, off, (int) Math.min(len, MAX_BYTES + 1L - read));
                    if (n > 0) {
                        read += n;
                    }
                    if (read > MAX_BYTES) {
                        tooLarge = true;
                        throw new IOException("The deck package is larger than " + MAX_BYTES + " bytes");
                    }
                    return n;
                }
            };
        }
    }

    private void refuse(UploadEvent event, String fileName, InvalidInputException why) {
        event.reject(translate.apply(why));
        refused.accept(fileName, why);
    }

    // the same limits for a multipart request, which Vaadin checks itself
    @Override
    public long getRequestSizeMax() {
        return MAX_BYTES + 64 * 1024;
    }

    @Override
    public long getFileSizeMax() {
        return MAX_BYTES;
    }

    @Override
    public long getFileCountMax() {
        return 1;
    }
}
