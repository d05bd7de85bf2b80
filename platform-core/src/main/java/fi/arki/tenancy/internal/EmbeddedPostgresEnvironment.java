package fi.arki.tenancy.internal;

import java.nio.file.Path;
import org.apache.commons.logging.Log;
import org.springframework.boot.logging.DeferredLogFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * The embedded default: when no datasource is configured, start the embedded PostgreSQL and point
 * the runtime datasource (as {@code arki_app}) and Flyway (as {@code arki_owner}) at it. With
 * {@code spring.datasource.url} set this does nothing and starts nothing.
 *
 * <p>Runs after the configuration files are read, so {@code application*.yaml} and profiles can
 * set {@code arki.database.embedded.*}.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String ENABLED = "arki.database.embedded.enabled";
    static final String DATA_DIR = "arki.database.embedded.data-dir";
    static final String PORT = "arki.database.embedded.port";

    /** Replayed once logging is set up: environment post-processors run before it. */
    private final Log log;

    public EmbeddedPostgresEnvironment(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedPostgresEnvironment.class);
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 10;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))
                || !environment.getProperty(ENABLED, Boolean.class, true)) {
            return;
        }
        String dataDir = environment.getProperty(DATA_DIR, "data/pg");
        int port = environment.getProperty(PORT, Integer.class, 0);
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(
                StringUtils.hasText(dataDir) ? Path.of(dataDir) : null, port);
        server.stopAfterSpring(SpringApplication.getShutdownHandlers());
        server.recovery().ifPresent(log::warn);

        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", server.jdbcUrl());
        properties.put("spring.datasource.username", "arki_app");
        properties.put("spring.datasource.password", "");
        properties.put("spring.flyway.url", server.jdbcUrl());
        properties.put("spring.flyway.user", "arki_owner");
        properties.put("spring.flyway.password", "");
        properties.put("arki.database.embedded.running-port", server.port());
        environment.getPropertySources().addFirst(new MapPropertySource("arkiEmbeddedPostgres", properties));
        // the demo tenant belongs to the embedded default unless configuration says otherwise
        environment.getPropertySources().addLast(new MapPropertySource("arkiEmbeddedDefaults",
                Map.of("arki.demo.enabled", "true")));
    }
}
