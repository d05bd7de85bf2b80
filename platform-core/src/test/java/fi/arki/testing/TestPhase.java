package fi.arki.testing;

/**
 * Which Maven phase runs the tests: surefire (`test`) runs the unit tests, which need no database,
 * browser, Keycloak or other process; failsafe (`integration-test`, `verify`) runs the classes
 * tagged {@value #INTEGRATION} ({@link ArkiIntegrationTest} and {@code UiIntegrationTest} carry the
 * tag). The poms set {@value #PROPERTY}; outside Maven (an IDE) it is unset and nothing is refused.
 */
public final class TestPhase {

    /** The JUnit tag of every test that needs PostgreSQL, a browser, Keycloak or a child process. */
    public static final String INTEGRATION = "integration";

    /** System property the poms set: {@code unit} for surefire, {@code integration} for failsafe. */
    public static final String PROPERTY = "arki.test.phase";

    private TestPhase() {
    }

    public static boolean isUnit() {
        return "unit".equals(System.getProperty(PROPERTY));
    }

    /** Refuses to start {@code what} in the unit phase, so that a test missing its tag breaks the build. */
    public static void requireIntegration(String what) {
        if (isUnit()) {
            throw new IllegalStateException(refusal(what));
        }
    }

    static String refusal(String what) {
        return what + " in the unit phase (surefire, `./mvnw test`), which runs only tests that need no"
                + " database, browser, Keycloak or other process. Tag the test class @Tag(\"" + INTEGRATION
                + "\") (or use @ArkiIntegrationTest / @UiIntegrationTest) so that failsafe runs it"
                + " (`./mvnw verify`, `./arki test`).";
    }
}
