package fi.arki.ui.production;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.Application;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * T-25: the actuator answers health (liveness, readiness) and Prometheus metrics, on the
 * management port only, without details; every other endpoint is absent, and the public port has
 * no actuator path at all.
 */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("integration")
class ManagementEndpointsEndToEndTests {

    @LocalServerPort int port;
    @LocalManagementPort int managementPort;
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void health_and_probes_answer_on_the_management_port_with_status_only() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> response = get(managementPort, path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).contains("\"status\":\"UP\"").doesNotContain("components", "details", "database");
            assertThat(response.headers().firstValue("Set-Cookie")).as(path + " makes no session").isEmpty();
        }
    }

    @Test
    void prometheus_metrics_answer_on_the_management_port() throws Exception {
        HttpResponse<String> response = get(managementPort, "/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes", "hikaricp_connections", "application=\"arki\"");
    }

    @Test
    void nothing_else_of_the_actuator_is_there() throws Exception {
        for (String path : List.of("/actuator", "/actuator/env", "/actuator/beans", "/actuator/configprops",
                "/actuator/heapdump", "/actuator/threaddump", "/actuator/loggers", "/actuator/mappings",
                "/actuator/metrics", "/actuator/info", "/actuator/shutdown", "/actuator/health/db", "/")) {
            HttpResponse<String> response = get(managementPort, path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("java", "spring", "arki_app", "jdbc");
        }
    }

    @Test
    void the_public_port_serves_no_actuator_path() throws Exception {
        for (String path : List.of("/actuator/health", "/actuator/prometheus", "/actuator/env")) {
            HttpResponse<String> response = get(port, path);
            assertThat(response.statusCode()).as(path).isNotEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain("\"status\":\"UP\"", "jvm_memory");
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
