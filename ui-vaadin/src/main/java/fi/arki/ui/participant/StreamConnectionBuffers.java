package fi.arki.ui.participant;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat's per-connection socket buffers, which every open participant event stream keeps for its
 * whole life (an async request holds them until it ends): 8 KB read + 8 KB write by default, and
 * Tomcat caches recycled channels ({@code socket.bufferPool}) whose stale read handler keeps the
 * previous connection's whole request/response reachable after the participant left
 * (shared/reference/sse-spike, "Pitfalls" 6). Each knob is off unless set, so Tomcat's defaults stay:
 * {@code arki.participant.tomcat.socket-read-buffer}, {@code …socket-write-buffer} (bytes) and
 * {@code …buffer-pool} (channels cached; 0 = none). docs/performance.md has what each saves.
 */
@Component
class StreamConnectionBuffers implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final @Nullable Integer readBuffer;
    private final @Nullable Integer writeBuffer;
    private final @Nullable Integer bufferPool;

    StreamConnectionBuffers(@Value("${arki.participant.tomcat.socket-read-buffer:#{null}}") @Nullable Integer readBuffer,
                            @Value("${arki.participant.tomcat.socket-write-buffer:#{null}}") @Nullable Integer writeBuffer,
                            @Value("${arki.participant.tomcat.buffer-pool:#{null}}") @Nullable Integer bufferPool) {
        this.readBuffer = readBuffer;
        this.writeBuffer = writeBuffer;
        this.bufferPool = bufferPool;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            if (readBuffer != null) {
                connector.setProperty("socket.appReadBufSize", readBuffer.toString());
            }
            if (writeBuffer != null) {
                connector.setProperty("socket.appWriteBufSize", writeBuffer.toString());
            }
            if (bufferPool != null) {
                connector.setProperty("socket.bufferPool", bufferPool.toString());
            }
        });
    }
}
