package fi.arki.ui.keycloak;

import fi.arki.Application;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a random port in Keycloak mode, against the test JVM's real Keycloak
 * ({@link KeycloakServer}). Tokens expire exactly when they say (no clock skew), so that the
 * expiry test waits seconds, not a minute. Every test class extending this shares one context.
 */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "arki.login.mode=keycloak",
        "arki.keycloak.client-id=arki",
        "arki.keycloak.client-secret=" + KeycloakServer.CLIENT_SECRET,
        "arki.keycloak.clock-skew=0s"})
@ActiveProfiles("test")
@Tag("integration")
public abstract class KeycloakModeTestBase {

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("arki.keycloak.issuer-uri", () -> KeycloakServer.get().issuer());
    }

    protected String base() {
        return "http://localhost:" + port;
    }
}
