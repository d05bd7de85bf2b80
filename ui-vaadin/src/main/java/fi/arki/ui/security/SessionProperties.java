package fi.arki.ui.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param idleTimeout how long a signed-in session lives without requests (an open tab's heartbeats do not count) */
@ConfigurationProperties("arki.session")
public record SessionProperties(@DefaultValue("30m") Duration idleTimeout) {
}
