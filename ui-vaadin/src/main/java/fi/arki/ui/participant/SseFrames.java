package fi.arki.ui.participant;

import java.nio.charset.StandardCharsets;

/**
 * Server-Sent Events frames as bytes, built once and written unchanged to every connection
 * (Spring's SseEventBuilder would encode again per connection).
 */
final class SseFrames {

    /** Sent at subscribe: Spring does not commit an SSE response before its first write, so without it EventSource never opens. */
    static final byte[] OPEN = comment("open");
    /** Tomcat notices a client that left only when it writes; this keeps dead streams from piling up. */
    static final byte[] HEARTBEAT = comment("hb");

    private SseFrames() {
    }

    static byte[] comment(String text) {
        return (":" + text + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Several events written as one piece (one write per stream). */
    static byte[] concat(byte[]... frames) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (byte[] frame : frames) {
            all.writeBytes(frame);
        }
        return all.toByteArray();
    }

    /** One event; every line of {@code data} gets its own {@code data:} prefix, as the format asks. */
    static byte[] event(String event, long id, String data) {
        StringBuilder frame = new StringBuilder(data.length() + 64);
        frame.append("id: ").append(id).append('\n').append("event: ").append(event).append('\n');
        for (String line : data.strip().split("\r\n|\r|\n", -1)) {
            frame.append("data: ").append(line).append('\n');
        }
        frame.append('\n');
        return frame.toString().getBytes(StandardCharsets.UTF_8);
    }
}
