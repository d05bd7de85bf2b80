package fi.arki;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The platform core on its own, for the core's integration tests (not shipped in the test-jar). */
@SpringBootApplication
public class PlatformCoreTestApplication {
}
