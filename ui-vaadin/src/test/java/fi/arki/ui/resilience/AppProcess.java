package fi.arki.ui.resilience;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;

/**
 * Arki as its own operating-system process (what production runs), on the application's main
 * classes only — no test classes — against a PostgreSQL the test owns. The test can kill it with
 * SIGKILL, as a crashed or OOM-killed node dies.
 */
final class AppProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static AppProcess start(OwnPostgres postgres, String name) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return start(postgres, name, port);
    }

    /** On a given port: a node restarted where the old one was, so the browser sees the same origin (and its storage). */
    static AppProcess start(OwnPostgres postgres, String name, int port) throws IOException {
        Path log = Files.createTempFile("arki-" + name + "-", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-cp", mainClasspath(),
                "fi.arki.Application",
                "--server.port=" + port,
                "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=arki_app",
                "--spring.datasource.password=",
                "--spring.flyway.url=" + postgres.jdbcUrl(),
                "--spring.flyway.user=arki_owner",
                "--spring.flyway.password=",
                "--arki.demo.enabled=true",
                "--vaadin.productionMode=false",
                "--logging.level.root=WARN",
                "--logging.level.fi.arki=INFO"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AppProcess app = new AppProcess(process, port, log);
        app.awaitReady();
        // runners (the demo organisation's seeding) finish after the web server answers
        Awaitility.await().atMost(Duration.ofMinutes(1)).ignoreExceptions().until(() -> {
            try (var c = postgres.superuser("arki"); var rs = c.createStatement().executeQuery("select 1 from tenant where slug = 'demo'")) {
                return rs.next();
            }
        });
        return app;
    }

    /** The test JVM's class path without test classes (surefire may hand it over in a manifest-only jar). */
    static String mainClasspath() throws IOException {
        List<String> entries = new ArrayList<>(Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator)));
        if (entries.size() == 1 && entries.getFirst().contains("surefirebooter")) {
            try (JarFile jar = new JarFile(entries.getFirst())) {
                String manifestPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
                entries = Arrays.stream(manifestPath.split(" ")).filter(s -> !s.isBlank())
                        .map(s -> Path.of(URI.create(s)).toString()).collect(Collectors.toList());
            }
        }
        return entries.stream()
                .filter(e -> !e.contains("test-classes") && !e.endsWith("-tests.jar") && !e.contains("surefire"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private void awaitReady() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Arki exited: " + Files.readString(log));
                }
                return client.send(HttpRequest.newBuilder(URI.create(base() + "/login")).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            });
        } catch (RuntimeException e) {
            throw new IllegalStateException("Arki did not become ready; its log: " + log, e);
        }
    }

    String base() {
        return "http://localhost:" + port;
    }

    int port() {
        return port;
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
