package fi.arki.ui.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/**
 * T-25: each setting meant for a developer's machine, alone in otherwise sound production
 * settings, stops the start with a message that names it and says what to set instead.
 */
class ProductionGuardTests {

    /** A class path without Vaadin's development server, as in the production jar. */
    static final ClassLoader PRODUCTION_CLASS_PATH = new ClassLoader(ProductionGuardTests.class.getClassLoader()) {
        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("com.vaadin.base.devserver.")) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }

        // a -Pproduction build (./arki test) leaves its production token in target/classes: the
        // tests say which token there is, so the build's own is not seen through this class path
        @Override
        public URL getResource(String name) {
            return TOKEN.equals(name) ? null : super.getResource(name);
        }
    };

    static final String TOKEN = "META-INF/VAADIN/config/flow-build-info.json";

    /** The test's own class path as a development build has it: no production token. */
    static final ClassLoader DEVELOPMENT_CLASS_PATH = new ClassLoader(ProductionGuardTests.class.getClassLoader()) {
        @Override
        public URL getResource(String name) {
            return TOKEN.equals(name) ? null : super.getResource(name);
        }
    };

    /** What docs/operations.md tells an operator to set. */
    static MockEnvironment sound() {
        return sound(true);
    }

    /** Sound settings, with or without vaadin.productionMode=true (else the build's token decides). */
    static MockEnvironment sound(boolean productionModeSetting) {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example.fi:5432/arki")
                .withProperty("spring.datasource.username", "arki_app")
                .withProperty("spring.datasource.password", "Vx9-runtime-secret")
                .withProperty("spring.flyway.user", "arki_owner")
                .withProperty("spring.flyway.password", "Qm4-owner-secret")
                .withProperty("arki.login.mode", "local")
                .withProperty("arki.public-url", "https://arki.example.fi")
                .withProperty("server.port", "8080")
                .withProperty("management.server.port", "8081")
                .withProperty("management.endpoints.web.exposure.include", "health, prometheus");
        if (productionModeSetting) {
            env.setProperty("vaadin.productionMode", "true");
        }
        env.setActiveProfiles(ProductionGuard.PROFILE);
        return env;
    }

    @Test
    void sound_production_settings_pass() {
        assertThat(ProductionGuard.problems(sound(), PRODUCTION_CLASS_PATH)).isEmpty();
        new ProductionGuard(PRODUCTION_CLASS_PATH).postProcessEnvironment(sound(), new SpringApplication());
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("embedded PostgreSQL", Map.of("spring.datasource.url", ""), "spring.datasource.url is not set, so Arki would start its embedded PostgreSQL"),
                Arguments.of("no public address", Map.of("arki.public-url", ""), "arki.public-url is not set"),
                Arguments.of("demo tenant", Map.of("arki.demo.enabled", "true"), "arki.demo.enabled is true"),
                Arguments.of("no database password", Map.of("spring.datasource.password", ""), "spring.datasource.password is empty"),
                Arguments.of("the demo password", Map.of("spring.datasource.password", "arki-demo"), "spring.datasource.password is a well-known default password"),
                Arguments.of("a default password", Map.of("spring.flyway.password", "postgres"), "spring.flyway.password is a well-known default password"),
                Arguments.of("migrations as the runtime role", Map.of("spring.flyway.user", ""), "spring.flyway.user is not set"),
                Arguments.of("owner as runtime role", Map.of("spring.flyway.user", "arki_app"), "spring.flyway.user is the same role as spring.datasource.username"),
                Arguments.of("Keycloak without a client secret", Map.of("arki.login.mode", "keycloak", "arki.keycloak.issuer-uri", "https://sso.example.fi/realms/arki"), "arki.keycloak.client-secret is empty"),
                Arguments.of("Keycloak without an issuer", Map.of("arki.login.mode", "keycloak", "arki.keycloak.client-secret", "Zr7-client-secret"), "arki.keycloak.issuer-uri is not set"),
                Arguments.of("development mode", Map.of("vaadin.productionMode", "false"), "Vaadin runs in development mode"),
                Arguments.of("stack traces on error pages", Map.of("server.error.include-stacktrace", "always"), "server.error.include-stacktrace is always"),
                Arguments.of("exception messages on error pages", Map.of("server.error.include-message", "always"), "server.error.include-message is always"),
                Arguments.of("exception class on error pages", Map.of("server.error.include-exception", "true"), "server.error.include-exception is true"),
                Arguments.of("every actuator endpoint", Map.of("management.endpoints.web.exposure.include", "*"), "exposure.include exposes *"),
                Arguments.of("env and heap dump endpoints", Map.of("management.endpoints.web.exposure.include", "health,env,heapdump,prometheus"), "exposes env, heapdump"),
                Arguments.of("actuator on the public port", Map.of("management.server.port", "8080"), "management.server.port is not a port of its own"),
                Arguments.of("actuator without a port", Map.of("management.server.port", ""), "management.server.port is not a port of its own"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refuses_a_setting_meant_for_development(String what, Map<String, String> settings, String message) {
        MockEnvironment env = sound();
        settings.forEach(env::setProperty);

        assertThat(ProductionGuard.problems(env, PRODUCTION_CLASS_PATH)).as(what).singleElement().asString().contains(message);
        assertThatThrownBy(() -> new ProductionGuard(PRODUCTION_CLASS_PATH).postProcessEnvironment(env, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Arki refuses to start with the production profile:")
                .hasMessageContaining(message);
    }

    @Test
    void refuses_the_test_profile() {
        MockEnvironment env = sound();
        env.setActiveProfiles(ProductionGuard.PROFILE, "test");
        assertThat(ProductionGuard.problems(env, PRODUCTION_CLASS_PATH)).singleElement().asString().contains("the test profile is active");
    }

    @Test
    void refuses_vaadins_development_server_on_the_class_path() {
        // the test's own class path has com.vaadin:vaadin-dev, as a development build does
        assertThat(ProductionGuard.problems(sound(), getClass().getClassLoader()))
                .singleElement().asString().contains("Vaadin's development server (com.vaadin:vaadin-dev) is on the class path");
    }

    @Test
    void reads_production_mode_from_the_build_token_when_nothing_overrides_it(@TempDir Path classes) throws IOException {
        Path token = classes.resolve("META-INF/VAADIN/config/flow-build-info.json");
        Files.createDirectories(token.getParent());
        Files.writeString(token, "{\n  \"productionMode\" : false\n}");
        assertThat(ProductionGuard.problems(sound(false), tokenLoader(classes))).singleElement().asString().contains("development mode");

        Files.writeString(token, "{\n  \"productionMode\" : true,\n  \"eagerServerLoad\" : false\n}");
        assertThat(ProductionGuard.problems(sound(false), tokenLoader(classes))).isEmpty();
    }

    @Test
    void does_nothing_without_the_production_profile() {
        MockEnvironment development = new MockEnvironment().withProperty("arki.demo.enabled", "true");
        new ProductionGuard().postProcessEnvironment(development, new SpringApplication());
    }

    @Test
    void lists_every_problem_at_once() {
        MockEnvironment nothingSet = new MockEnvironment();
        nothingSet.setActiveProfiles(ProductionGuard.PROFILE);
        List<String> problems = ProductionGuard.problems(nothingSet, DEVELOPMENT_CLASS_PATH);
        assertThat(problems).hasSizeGreaterThanOrEqualTo(5);
        assertThat(String.join("\n", problems)).contains("development mode", "vaadin-dev", "spring.datasource.url",
                "spring.datasource.password", "spring.flyway.user", "management.server.port");
    }

    private static ClassLoader tokenLoader(Path classes) throws IOException {
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, PRODUCTION_CLASS_PATH);
    }
}
