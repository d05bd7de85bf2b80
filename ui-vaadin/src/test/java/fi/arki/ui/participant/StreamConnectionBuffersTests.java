package fi.arki.ui.participant;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;

class StreamConnectionBuffersTests {

    @Test
    void configured_sizes_reach_the_connectors_socket_properties() {
        Connector connector = customized(new StreamConnectionBuffers(4096, 2048, 0));
        assertThat(String.valueOf(connector.getProperty("socket.appReadBufSize"))).isEqualTo("4096");
        assertThat(String.valueOf(connector.getProperty("socket.appWriteBufSize"))).isEqualTo("2048");
        assertThat(String.valueOf(connector.getProperty("socket.bufferPool"))).isEqualTo("0");
    }

    @Test
    void unset_knobs_leave_tomcats_defaults() {
        Connector defaults = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        Connector connector = customized(new StreamConnectionBuffers(null, null, null));
        for (String property : new String[] {"socket.appReadBufSize", "socket.appWriteBufSize", "socket.bufferPool"}) {
            assertThat(String.valueOf(connector.getProperty(property))).as(property)
                    .isEqualTo(String.valueOf(defaults.getProperty(property)));
        }
    }

    private static Connector customized(StreamConnectionBuffers buffers) {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        buffers.customize(factory);
        Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        factory.getConnectorCustomizers().forEach(customizer -> customizer.customize(connector));
        return connector;
    }
}
