package fi.arki;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;

/**
 * The platform without its UI, for the integration tests of platform-core, tenant-admin and the
 * deck modules (shipped to them in platform-core's test-jar). Where the real application is on the
 * classpath its tests name {@code Application} explicitly, and this class steps aside when the
 * application's component scan finds it.
 */
@SpringBootApplication
@ConditionalOnMissingClass("fi.arki.Application")
public class PlatformCoreTestApplication {
}
