package fi.arki.ui.production;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.ui.resilience.AppProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * T-25 on a real start: Arki, launched with the production profile and the settings of a
 * developer's machine, exits with a message naming every problem, and starts no embedded
 * PostgreSQL on the way.
 */
@Tag("integration")
class ProductionGuardProcessTests {

    @Test
    void a_production_start_with_development_settings_exits_with_the_reasons(@TempDir Path work) throws Exception {
        Path log = work.resolve("arki.log");
        Path embeddedData = work.resolve("pg");
        Process process = fi.arki.ui.processes.OwnedProcesses.mark(new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", AppProcess.mainClasspath(), "fi.arki.Application",
                "--spring.profiles.active=production",
                "--server.port=0",
                "--arki.demo.enabled=true",
                // as a development build runs (whatever token a -Pproduction build left in target/classes)
                "--vaadin.productionMode=false",
                "--arki.database.embedded.data-dir=" + embeddedData)))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the app gave up on its own").isTrue();
        } finally {
            process.destroyForcibly();
        }
        String output = Files.readString(log);

        assertThat(process.exitValue()).as(output).isNotZero();
        assertThat(output).contains("Arki refuses to start with the production profile:",
                "Vaadin runs in development mode",
                "Vaadin's development server (com.vaadin:vaadin-dev) is on the class path",
                "spring.datasource.url is not set, so Arki would start its embedded PostgreSQL",
                "arki.demo.enabled is true",
                "spring.datasource.password is empty",
                "spring.flyway.user is not set");
        assertThat(embeddedData).as("no embedded PostgreSQL was started").doesNotExist();
    }
}
