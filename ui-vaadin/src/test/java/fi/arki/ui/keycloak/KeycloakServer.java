package fi.arki.ui.keycloak;

import fi.arki.ui.processes.OwnedProcesses;
import fi.arki.ui.processes.ProcessWait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The real Keycloak 26 of the test JVM: the distribution Maven unpacked from Maven Central into
 * {@code target/keycloak}, started once in {@code start-dev} mode on free loopback ports with the
 * realm of {@code src/test/resources/keycloak/arki-realm.json} imported, and stopped when the JVM
 * ends (also when the run is cut short: {@link OwnedProcesses}). Start-up waits on Keycloak's
 * readiness endpoint, and fails at once, with Keycloak's last log lines, if Keycloak exits.
 */
public final class KeycloakServer {

    public static final String REALM = "arki";
    public static final String CLIENT_SECRET = "arki-test-secret";

    private static KeycloakServer running;

    private final int port;
    private final Process process;
    private final Path log;

    private KeycloakServer(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** The JVM's Keycloak, started on first use. */
    public static synchronized KeycloakServer get() {
        if (running == null) {
            running = start();
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "keycloak-stop"));
        }
        return running;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    private static KeycloakServer start() {
        Path home = Path.of(System.getProperty("arki.test.keycloak.home", "target/keycloak/keycloak-26.5.6")).toAbsolutePath();
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + home + ": run the build through Maven, which unpacks it");
        }
        // a Keycloak a killed run left on this distribution is stopped before its data goes
        OwnedProcesses.sweepLeftoversOnce();
        try {
            deleteRecursively(home.resolve("data"));
            Path imports = Files.createDirectories(home.resolve("data/import"));
            try (var realm = KeycloakServer.class.getResourceAsStream("/keycloak/arki-realm.json")) {
                Files.copy(realm, imports.resolve("arki-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            int port = freePort();
            int management = freePort();
            Path log = OwnedProcesses.deleteAtExit(Files.createTempFile("arki-keycloak", ".log"));
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + management,
                    "--hostname=http://localhost:" + port, "--health-enabled=true", "--import-realm",
                    "--cache=local", "--log-level=WARN")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("JAVA_OPTS_APPEND", "-Xshare:auto");
            Process process = OwnedProcesses.mark(builder).start();
            KeycloakServer server = new KeycloakServer(port, process, log);
            server.awaitReady(management);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(int management) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://127.0.0.1:" + management + "/health/ready");
        URI realm = URI.create(issuer() + "/.well-known/openid-configuration");
        try {
            // a loaded machine takes minutes for Keycloak's first start (it builds its Quarkus app)
            ProcessWait.until("Keycloak ready", process, log, Duration.ofMinutes(6), () ->
                    http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200
                            && http.send(HttpRequest.newBuilder(realm).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** Ends Keycloak's JVM and the script that started it. */
    void stop() {
        OwnedProcesses.stop(process.toHandle(), Duration.ofSeconds(30));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
