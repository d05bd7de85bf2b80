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
import fi.arki.ui.processes.OwnedProcesses;
import fi.arki.ui.processes.ProcessWait;

/**
 * Arki as its own operating-system process (what production runs), on the application's main
 * classes only — no test classes — against a PostgreSQL the test owns. The test can kill it with
 * SIGKILL, as a crashed or OOM-killed node dies. Waits on it fail at once, with its last log
 * lines, when it has exited; it is stopped when the test JVM ends ({@link OwnedProcesses}).
 */
public final class AppProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path log;

    private AppProcess(Process process, int port, int managementPort, Path log) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    static AppProcess start(OwnPostgres postgres, String name) throws IOException {
        return start(postgres, name, freePort());
    }

    /** On a given port: a node restarted where the old one was, so the browser sees the same origin (and its storage). */
    static AppProcess start(OwnPostgres postgres, String name, int port) throws IOException {
        return launch(postgres, name, List.of("-XX:TieredStopAtLevel=1", "-cp", mainClasspath(), "fi.arki.Application"),
                List.of("--vaadin.productionMode=false"), true, port);
    }

    /** Arki with the demo tenant and extra arguments (which replace the defaults with the same key). */
    static AppProcess start(OwnPostgres postgres, String name, String... arguments) throws IOException {
        List<String> all = new ArrayList<>(List.of("--vaadin.productionMode=false"));
        all.addAll(List.of(arguments));
        return launch(postgres, name, List.of("-XX:TieredStopAtLevel=1", "-cp", mainClasspath(), "fi.arki.Application"), all, true);
    }

    /** Arki without the demo tenant (several nodes starting together on one database). */
    static AppProcess startWithoutDemo(OwnPostgres postgres, String name) throws IOException {
        return launch(postgres, name, List.of("-XX:TieredStopAtLevel=1", "-cp", mainClasspath(), "fi.arki.Application"),
                List.of("--vaadin.productionMode=false"), false);
    }

    /** A start that is meant to fail: waits for the process to end and returns its exit code and output. */
    static Exit startExpectingExit(OwnPostgres postgres, String name) throws IOException, InterruptedException {
        Path log = OwnedProcesses.deleteAtExit(Files.createTempFile("arki-" + name + "-", ".log"));
        List<String> command = command(postgres, List.of("-XX:TieredStopAtLevel=1", "-cp", mainClasspath(), "fi.arki.Application"),
                List.of("--vaadin.productionMode=false"), false, freePort(), freePort());
        Process process = OwnedProcesses.mark(new ProcessBuilder(command)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)) {
                throw new AssertionError("Arki did not stop on its own:\n" + Files.readString(log));
            }
        } finally {
            process.destroyForcibly();
        }
        return new Exit(process.exitValue(), Files.readString(log));
    }

    record Exit(int code, String output) {
    }

    /**
     * Arki as {@code ./arki run} starts it: no datasource configured, so with its embedded
     * PostgreSQL, here on a data directory of the test's (T-26), without the demo tenant.
     */
    static AppProcess startEmbedded(Path dataDirectory, String name) throws IOException {
        int port = freePort();
        int managementPort = freePort();
        Path log = Files.createTempFile("arki-" + name + "-", ".log");
        Process process = new ProcessBuilder(embeddedCommand(dataDirectory, port, managementPort))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AppProcess app = new AppProcess(process, port, managementPort, log);
        try {
            app.awaitReady();
        } catch (RuntimeException e) {
            try {
                app.close();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            throw e;
        }
        return app;
    }

    /** As {@link #startEmbedded}, for a start that is meant to fail: waits for the process to end. */
    static Exit startEmbeddedExpectingExit(Path dataDirectory, String name) throws IOException, InterruptedException {
        Path log = Files.createTempFile("arki-" + name + "-", ".log");
        Process process = new ProcessBuilder(embeddedCommand(dataDirectory, freePort(), freePort()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)) {
                throw new AssertionError("Arki did not stop on its own:\n" + Files.readString(log));
            }
        } finally {
            process.destroyForcibly();
        }
        return new Exit(process.exitValue(), Files.readString(log));
    }

    private static List<String> embeddedCommand(Path dataDirectory, int port, int managementPort) throws IOException {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-XX:TieredStopAtLevel=1", "-cp", mainClasspath(), "fi.arki.Application",
                "--vaadin.productionMode=false",
                "--server.port=" + port,
                "--management.server.port=" + managementPort,
                "--arki.database.embedded.data-dir=" + dataDirectory,
                "--arki.demo.enabled=false",
                "--logging.level.root=WARN",
                "--logging.level.fi.arki=INFO");
    }

    /** The operating-system process id of the app's JVM. */
    long pid() {
        return process.pid();
    }

    /**
     * The deployable itself: the fat jar the {@code -Pproduction} build made, with nothing of the
     * test's class path, in whatever mode its build put it.
     */
    public static AppProcess startJar(OwnPostgres postgres, String name, Path jar, boolean demo, String... arguments) throws IOException {
        return launch(postgres, name, List.of("-jar", jar.toString()), List.of(arguments), demo);
    }

    private static AppProcess launch(OwnPostgres postgres, String name, List<String> what, List<String> arguments, boolean demo)
            throws IOException {
        return launch(postgres, name, what, arguments, demo, freePort());
    }

    private static AppProcess launch(OwnPostgres postgres, String name, List<String> what, List<String> arguments, boolean demo,
                                     int port) throws IOException {
        int managementPort = freePort();
        Path log = OwnedProcesses.deleteAtExit(Files.createTempFile("arki-" + name + "-", ".log"));
        List<String> command = command(postgres, what, arguments, demo, port, managementPort);
        Process process = OwnedProcesses.mark(new ProcessBuilder(command)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AppProcess app = new AppProcess(process, port, managementPort, log);
        try {
            app.awaitReady();
            // runners (the demo organisation's seeding) finish after the web server answers
            if (demo) {
                app.await("Arki " + name + " seeded the demo organisation", Duration.ofMinutes(3), () -> demoSeeded(postgres));
            }
        } catch (RuntimeException e) {
            try {
                app.close();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            throw e;
        }
        return app;
    }

    private static boolean demoSeeded(OwnPostgres postgres) throws java.sql.SQLException {
        try (var c = postgres.superuser("arki"); var rs = c.createStatement().executeQuery("select 1 from tenant where slug = 'demo'")) {
            return rs.next();
        }
    }

    private static List<String> command(OwnPostgres postgres, List<String> what, List<String> arguments, boolean demo,
                                        int port, int managementPort) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        command.addAll(what);
        List<String> defaults = List.of(
                "--server.port=" + port,
                "--management.server.port=" + managementPort,
                "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=arki_app",
                "--spring.datasource.password=",
                "--spring.flyway.url=" + postgres.jdbcUrl(),
                "--spring.flyway.user=arki_owner",
                "--spring.flyway.password=",
                "--arki.demo.enabled=" + demo,
                "--logging.level.root=WARN",
                "--logging.level.fi.arki=INFO");
        // an argument of the caller's replaces the default with the same key
        List<String> overridden = arguments.stream().map(a -> a.substring(0, a.indexOf('=') + 1)).toList();
        defaults.stream().filter(d -> !overridden.contains(d.substring(0, d.indexOf('=') + 1))).forEach(command::add);
        command.addAll(arguments);
        return command;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The test JVM's class path without test classes (surefire may hand it over in a manifest-only jar). */
    public static String mainClasspath() throws IOException {
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
        await("Arki answering on " + base(), Duration.ofMinutes(5), () ->
                client.send(HttpRequest.newBuilder(URI.create(base() + "/login")).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    /**
     * Waits for a condition on this node (exceptions count as "not yet"), failing at once with the
     * node's last log lines if it exits meanwhile.
     */
    public void await(String what, Duration atMost, java.util.concurrent.Callable<Boolean> condition) {
        ProcessWait.until(what, process, log, atMost, condition);
    }

    int port() {
        return port;
    }

    public String base() {
        return "http://localhost:" + port;
    }

    /** Health and metrics: the management port, which production keeps off the public network. */
    public String managementBase() {
        return "http://localhost:" + managementPort;
    }

    /** What the app has written to its standard output and error so far. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            OwnedProcesses.stop(process.toHandle(), Duration.ofSeconds(30));
            process.waitFor();
        }
    }
}
