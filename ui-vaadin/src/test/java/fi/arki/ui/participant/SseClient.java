package fi.arki.ui.participant;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A bare Server-Sent Events client on java.net.http that keeps the stream's exact bytes, so a
 * test can compare what two participants received byte for byte.
 */
final class SseClient implements AutoCloseable {

    /** One event as it came over the wire (up to and including its blank line). */
    record Frame(byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        boolean isEvent(String name) {
            return text().lines().anyMatch(l -> l.equals("event: " + name));
        }

        long id() {
            return text().lines().filter(l -> l.startsWith("id: ")).map(l -> Long.parseLong(l.substring(4))).findFirst().orElse(-1L);
        }
    }

    final int status;
    private final InputStream body;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final Thread reader;

    private SseClient(HttpResponse<InputStream> response) {
        this.status = response.statusCode();
        this.body = response.body();
        this.reader = Thread.ofVirtual().start(this::read);
    }

    static SseClient open(HttpClient http, URI uri, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        return new SseClient(http.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    private void read() {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = body.read(buffer)) >= 0; ) {
                synchronized (received) {
                    received.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // closed by the test or the server
        }
    }

    /** The complete frames so far, in order. */
    List<Frame> frames() {
        byte[] all;
        synchronized (received) {
            all = received.toByteArray();
        }
        List<Frame> frames = new ArrayList<>();
        int start = 0;
        for (int i = 0; i + 1 < all.length; i++) {
            if (all[i] == '\n' && all[i + 1] == '\n') {
                frames.add(new Frame(Arrays.copyOfRange(all, start, i + 2)));
                start = i + 2;
                i++;
            }
        }
        return frames;
    }

    /**
     * The id of the newest step event so far, found from the end of what arrived (a long stream
     * of big frames would make {@link #frames()} slow to poll).
     */
    long lastStepId() {
        String all;
        synchronized (received) {
            int from = Math.max(0, received.size() - 256 * 1024);
            all = new String(received.toByteArray(), from, received.size() - from, StandardCharsets.ISO_8859_1);
        }
        int at = all.lastIndexOf("\nevent: step\n");
        if (at < 0) {
            return -1;
        }
        int id = all.lastIndexOf("id: ", at);
        return id < 0 ? -1 : Long.parseLong(all.substring(id + 4, at).strip());
    }

    List<Frame> events(String name) {
        return frames().stream().filter(f -> f.isEvent(name)).toList();
    }

    @Override
    public void close() throws IOException {
        body.close();
        reader.interrupt();
    }
}
