package fi.arki.ui.production;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * T-25: with the {@code production} profile active ({@code SPRING_PROFILES_ACTIVE=production})
 * Arki refuses to start on anything meant for a developer's machine: the embedded PostgreSQL, the
 * demo tenant and its accounts, empty or well-known passwords, Vaadin's development mode or its
 * development server on the class path, the {@code test} profile, error pages that show internals,
 * and actuator endpoints beyond health and metrics or on the public port. It lists every problem
 * at once, each with what to set instead (docs/operations.md).
 *
 * <p>Runs right after the configuration files are read and before {@code EmbeddedPostgresEnvironment}
 * would start a database, so a refused start starts nothing.
 */
public class ProductionGuard implements EnvironmentPostProcessor, Ordered {

    public static final String PROFILE = "production";

    /** Passwords anyone can guess: Arki's own demo password and the usual defaults. */
    static final Set<String> WELL_KNOWN_PASSWORDS = Set.of("arki-demo", "arki", "arki_app", "arki_owner",
            "postgres", "password", "secret", "changeme", "admin", "keycloak");

    private static final Set<String> EXPOSABLE = Set.of("health", "prometheus");
    private static final String VAADIN_TOKEN = "META-INF/VAADIN/config/flow-build-info.json";
    private static final String VAADIN_DEV_SERVER = "com.vaadin.base.devserver.DevModeHandlerManagerImpl";
    private static final Pattern TOKEN_PRODUCTION = Pattern.compile("\"productionMode\"\\s*:\\s*true");

    private final ClassLoader classLoader;

    public ProductionGuard() {
        this(ProductionGuard.class.getClassLoader());
    }

    /** The guard looking at another class path (tests: the production jar's, without vaadin-dev). */
    ProductionGuard(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public int getOrder() {
        // after the configuration files (and so the active profiles), before the embedded database
        return ConfigDataEnvironmentPostProcessor.ORDER + 5;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.matchesProfiles(PROFILE)) {
            return;
        }
        List<String> problems = problems(environment, classLoader);
        if (!problems.isEmpty()) {
            throw new ProductionSettingsException(problems);
        }
    }

    /** What is wrong for production with these settings and this class path; empty when nothing. */
    static List<String> problems(Environment env, ClassLoader classLoader) {
        List<String> problems = new ArrayList<>();
        if (!productionMode(env, classLoader)) {
            problems.add("Vaadin runs in development mode: run the jar of the production build (./mvnw -Pproduction package) "
                    + "and do not set vaadin.productionMode=false");
        }
        if (present(VAADIN_DEV_SERVER, classLoader)) {
            problems.add("Vaadin's development server (com.vaadin:vaadin-dev) is on the class path: "
                    + "run the jar of the production build, not the classes of a development build");
        }
        if (env.matchesProfiles("test")) {
            problems.add("the test profile is active: remove 'test' from spring.profiles.active");
        }
        if (!StringUtils.hasText(env.getProperty("spring.datasource.url"))) {
            problems.add("spring.datasource.url is not set, so Arki would start its embedded PostgreSQL: "
                    + "set SPRING_DATASOURCE_URL to the managed PostgreSQL 18");
        }
        if (env.getProperty("arki.demo.enabled", Boolean.class, false)) {
            problems.add("arki.demo.enabled is true, which seeds the demo tenant with accounts whose password is public: "
                    + "remove ARKI_DEMO_ENABLED");
        }
        password(env, "spring.datasource.password", "SPRING_DATASOURCE_PASSWORD", problems);
        if (!StringUtils.hasText(env.getProperty("spring.flyway.user"))) {
            problems.add("spring.flyway.user is not set: migrations run as the owner role (SPRING_FLYWAY_USER=arki_owner), "
                    + "the application as the runtime role");
        } else {
            password(env, "spring.flyway.password", "SPRING_FLYWAY_PASSWORD", problems);
            if (env.getProperty("spring.flyway.user", "").equals(env.getProperty("spring.datasource.username", ""))) {
                problems.add("spring.flyway.user is the same role as spring.datasource.username: the runtime role must own nothing");
            }
        }
        if (!StringUtils.hasText(env.getProperty("arki.public-url"))) {
            problems.add("arki.public-url is not set: join links, QR codes and sign-in redirects would point at localhost "
                    + "(set ARKI_PUBLIC_URL to the address people use, e.g. https://arki.example.fi)");
        }
        if ("keycloak".equals(env.getProperty("arki.login.mode"))) {
            if (!StringUtils.hasText(env.getProperty("arki.keycloak.issuer-uri"))) {
                problems.add("arki.keycloak.issuer-uri is not set: set ARKI_KEYCLOAK_ISSUER_URI to the realm's issuer");
            }
            password(env, "arki.keycloak.client-secret", "ARKI_KEYCLOAK_CLIENT_SECRET", problems);
        }
        for (String key : List.of("server.error.include-stacktrace", "server.error.include-message",
                "server.error.include-binding-errors")) {
            String value = env.getProperty(key, "never").toLowerCase(Locale.ROOT);
            if (!value.equals("never")) {
                problems.add(key + " is " + value + ": error pages show no internals; set it to never");
            }
        }
        if (env.getProperty("server.error.include-exception", Boolean.class, false)) {
            problems.add("server.error.include-exception is true: error pages show no exception class; set it to false");
        }
        Set<String> exposed = Arrays.stream(env.getProperty("management.endpoints.web.exposure.include", "health")
                        .split(",")).map(String::trim).filter(StringUtils::hasText).collect(Collectors.toSet());
        exposed.removeAll(EXPOSABLE);
        if (!exposed.isEmpty()) {
            problems.add("management.endpoints.web.exposure.include exposes " + String.join(", ", exposed.stream().sorted().toList())
                    + ": production exposes only health and prometheus");
        }
        String managementPort = env.getProperty("management.server.port", "");
        if (!StringUtils.hasText(managementPort) || managementPort.equals(env.getProperty("server.port", "8080"))) {
            problems.add("management.server.port is not a port of its own: health and metrics stay off the public port "
                    + "(set MANAGEMENT_PORT, e.g. 8081)");
        }
        return problems;
    }

    private static void password(Environment env, String key, String variable, List<String> problems) {
        String value = env.getProperty(key, "");
        if (!StringUtils.hasText(value)) {
            problems.add(key + " is empty: set " + variable);
        } else if (WELL_KNOWN_PASSWORDS.contains(value.trim().toLowerCase(Locale.ROOT))) {
            problems.add(key + " is a well-known default password: set " + variable + " to a secret of its own");
        }
    }

    private static boolean productionMode(Environment env, ClassLoader classLoader) {
        @Nullable Boolean configured = env.getProperty("vaadin.productionMode", Boolean.class,
                env.getProperty("vaadin.production-mode", Boolean.class));
        if (configured != null) {
            return configured;
        }
        try (InputStream token = classLoader.getResourceAsStream(VAADIN_TOKEN)) {
            return token != null && TOKEN_PRODUCTION.matcher(new String(token.readAllBytes(), StandardCharsets.UTF_8)).find();
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean present(String className, ClassLoader classLoader) {
        try {
            Class.forName(className, false, classLoader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The refusal: one line per problem, so that an operator fixes them all in one go. */
    static final class ProductionSettingsException extends IllegalStateException {

        ProductionSettingsException(List<String> problems) {
            super("Arki refuses to start with the production profile:" + problems.stream()
                    .map(p -> System.lineSeparator() + " - " + p).collect(Collectors.joining()));
        }
    }
}
