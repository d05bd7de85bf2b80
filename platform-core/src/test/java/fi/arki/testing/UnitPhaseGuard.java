package fi.arki.testing;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Keeps the unit phase honest: surefire registers this for every test class (JUnit's extension
 * auto-detection, see the root pom), and it fails a class that boots a Spring application (which
 * here means the embedded PostgreSQL) or leaves a child process (Chromium, Keycloak, the app, a
 * PostgreSQL tool) running after a test. {@link TestDatabase} refuses on its own. A mis-tagged
 * integration test therefore breaks `./mvnw test` with a message saying what to do, instead of
 * quietly making the fast loop slow.
 */
public final class UnitPhaseGuard implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(UnitPhaseGuard.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!TestPhase.isUnit()) {
            return;
        }
        Class<?> testClass = context.getRequiredTestClass();
        if (AnnotationSupport.isAnnotated(testClass, SpringBootTest.class)) {
            throw new IllegalStateException(TestPhase.refusal(
                    testClass.getName() + " starts a Spring Boot application (and with it the embedded PostgreSQL)"));
        }
        context.getStore(NAMESPACE).put("before", pids());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        checkNoNewProcesses(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        checkNoNewProcesses(context);
    }

    private static void checkNoNewProcesses(ExtensionContext context) {
        if (!TestPhase.isUnit()) {
            return;
        }
        @SuppressWarnings("unchecked")
        Set<Long> before = context.getStore(NAMESPACE).getOrDefault("before", Set.class, Set.of());
        List<String> started = ProcessHandle.current().descendants()
                .filter(process -> !before.contains(process.pid()))
                .map(process -> process.pid() + " " + process.info().commandLine().orElse("?"))
                .toList();
        if (!started.isEmpty()) {
            throw new IllegalStateException(TestPhase.refusal(
                    context.getRequiredTestClass().getName() + " started child processes " + started));
        }
    }

    private static Set<Long> pids() {
        return ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
    }
}
