package fi.arki.production;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.ui.BrowserSupport;
import fi.arki.ui.resilience.AppProcess;
import fi.arki.ui.resilience.OwnPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * T-25 on the deployable itself: the jar of {@code ./mvnw -Pproduction package}, run by failsafe
 * after {@code package} ({@code ./mvnw -B -Pproduction -pl ui-vaadin -am verify -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false}). It ships no development server and carries its
 * CycloneDX SBOM; with the production profile and production settings it starts in production
 * mode on a PostgreSQL of its own, answers health on the management port only, and Vaadin runs in
 * real Chromium under the content security policy (nonce for inline scripts) without a violation.
 */
@Tag("integration")
class ProductionJarTests {

    static final Path JAR = Path.of(System.getProperty("arki.test.production-jar", "target/arki.jar"));
    static final Path SBOM = Path.of(System.getProperty("arki.test.sbom", "target/classes/META-INF/sbom/application.cdx.json"));

    @Test
    void the_jar_ships_no_development_server_and_carries_its_sbom() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> libs = jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("BOOT-INF/lib/")).toList();
            assertThat(libs).isNotEmpty().noneMatch(n -> n.contains("vaadin-dev")).noneMatch(n -> n.contains("copilot"));
            assertThat(jar.getEntry("META-INF/sbom/application.cdx.json")).as("the SBOM inside the jar").isNotNull();
        }
        String sbom = Files.readString(SBOM);
        assertThat(sbom).containsPattern("\"bomFormat\"\\s*:\\s*\"CycloneDX\"")
                .containsPattern("\"name\"\\s*:\\s*\"flow-server\"")
                .containsPattern("\"name\"\\s*:\\s*\"spring-boot\"")
                .containsPattern("\"name\"\\s*:\\s*\"postgresql\"")
                .doesNotContain("vaadin-dev-server");
    }

    @Test
    void with_the_production_profile_it_starts_in_production_mode_and_vaadin_runs_under_the_csp() throws Exception {
        try (OwnPostgres postgres = new OwnPostgres()) {
            try (Connection c = postgres.superuser("postgres")) {
                c.createStatement().execute("alter role arki_app password 'Runtime-7f3b9'");
                c.createStatement().execute("alter role arki_owner password 'Owner-2c8d1'");
            }
            try (AppProcess app = AppProcess.startJar(postgres, "production-jar", JAR, false,
                    "--spring.profiles.active=production",
                    "--arki.public-url=http://localhost:${server.port}",
                    "--spring.datasource.password=Runtime-7f3b9",
                    "--spring.flyway.password=Owner-2c8d1")) {
                assertThat(app.log()).doesNotContain("refuses to start").doesNotContain("development mode");
                HttpClient http = HttpClient.newHttpClient();
                // ready (the database included) once the start-up runners are done
                app.await("the production jar ready", java.time.Duration.ofMinutes(5), () ->
                        http.send(HttpRequest.newBuilder(URI.create(app.managementBase() + "/actuator/health/readiness")).build(),
                                HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
                assertThat(http.send(HttpRequest.newBuilder(URI.create(app.base() + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).body()).doesNotContain("\"status\":\"UP\"");

                ChromeDriver driver = BrowserSupport.chromium();
                try {
                    driver.get(app.base() + "/login");
                    BrowserSupport.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-login-form input[name=username]")));
                    List<String> violations = driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                            .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to")).toList();
                    assertThat(violations).isEmpty();

                    // the participant page: its templates precompiled into the jar, its own strict policy
                    HttpResponse<String> join = http.send(HttpRequest.newBuilder(URI.create(app.base() + "/join")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(join.statusCode()).isEqualTo(200);
                    assertThat(join.headers().firstValue("Content-Security-Policy").orElseThrow())
                            .contains("frame-ancestors 'none'").doesNotContain("unsafe-eval").doesNotContain("unsafe-inline");
                    driver.get(app.base() + "/join");
                    BrowserSupport.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#join-code-input input")));
                    assertThat(driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                            .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to")).toList()).isEmpty();
                } finally {
                    driver.quit();
                }
            }
        }
    }
}
