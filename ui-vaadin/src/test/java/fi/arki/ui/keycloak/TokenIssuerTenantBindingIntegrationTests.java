package fi.arki.ui.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.arki.admin.TenantLifecycleManagement;
import fi.arki.directory.DirectoryManagement;
import fi.arki.tenancy.Tenant;
import fi.arki.tenancy.TenantManagement;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * T-10 against the real Keycloak: the API accepts only tokens that Keycloak signed, for Arki's
 * audience, unexpired, from the allowlisted issuer; and a token reaches only the tenants its
 * organizations (by id) lead to.
 */
class TokenIssuerTenantBindingIntegrationTests extends KeycloakModeTestBase {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired TenantManagement tenants;
    @Autowired TenantLifecycleManagement lifecycle;
    @Autowired DirectoryManagement directory;

    Tenant lappi;
    Tenant pirkanmaa;

    @BeforeEach
    void tenants() {
        lappi = RealmTenants.lappi(tenants, lifecycle, directory);
        pirkanmaa = RealmTenants.pirkanmaa(tenants, lifecycle, directory);
    }

    @Test
    void a_keycloak_token_reaches_the_tenant_its_organization_id_leads_to() {
        String carl = Tokens.arki("carl", "carl-Secret-1");
        assertThat(Tokens.payload(carl)).contains(RealmTenants.PIRKANMAA_ORGANIZATION);

        HttpResponse<String> response = get(pirkanmaa, carl);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Pirkanmaan elinvoimakeskus", "Elinvoima", "Yrityspalvelut")
                .doesNotContain("Porotalous");
    }

    @Test
    void an_organization_b_token_on_tenant_a_data_is_forbidden() {
        String carl = Tokens.arki("carl", "carl-Secret-1");

        HttpResponse<String> response = get(lappi, carl);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("Porotalous", "Ympäristö");
    }

    @Test
    void a_member_of_two_organizations_reaches_both_tenants() {
        String bob = Tokens.arki("bob", "bob-Secret-1");
        assertThat(get(lappi, bob).statusCode()).isEqualTo(200);
        assertThat(get(pirkanmaa, bob).statusCode()).isEqualTo(200);
    }

    @Test
    void no_token_is_401() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(pirkanmaa)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void a_token_for_another_audience_is_401() {
        String other = Tokens.accessToken("other-app", "other-test-secret", "carl", "carl-Secret-1");
        assertThat(Tokens.payload(other)).doesNotContain("arki-api");

        assertThat(get(pirkanmaa, other).statusCode()).isEqualTo(401);
    }

    @Test
    void an_expired_token_is_401() {
        String shortLived = Tokens.accessToken("arki-expiring", "expiring-test-secret", "carl", "carl-Secret-1");
        long expiresAt = Tokens.expiresAt(shortLived);
        assertThat(get(pirkanmaa, shortLived).statusCode()).as("accepted while valid").isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().getEpochSecond() > expiresAt + 1);

        assertThat(get(pirkanmaa, shortLived).statusCode()).isEqualTo(401);
    }

    @Test
    void an_unsigned_alg_none_token_is_401() {
        String real = Tokens.arki("carl", "carl-Secret-1");
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String unsigned = header + "." + real.split("\\.")[1] + ".";

        assertThat(get(pirkanmaa, unsigned).statusCode()).isEqualTo(401);
    }

    @Test
    void a_token_from_an_untrusted_issuer_is_401() throws Exception {
        String forged = signedByAStranger("http://localhost:1/realms/evil");
        assertThat(get(pirkanmaa, forged).statusCode()).isEqualTo(401);
    }

    @Test
    void a_token_naming_the_trusted_issuer_but_signed_by_another_key_is_401() throws Exception {
        String forged = signedByAStranger(KeycloakServer.get().issuer());
        assertThat(get(pirkanmaa, forged).statusCode()).isEqualTo(401);
    }

    private String signedByAStranger(String issuer) throws Exception {
        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        var pair = keys.generateKeyPair();
        long now = Instant.now().getEpochSecond();
        String header = base64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"stranger\"}");
        String payload = base64(("{\"iss\":\"%s\",\"sub\":\"stranger\",\"aud\":\"arki-api\",\"iat\":%d,\"exp\":%d,"
                + "\"organization\":{\"pirkanmaa\":{\"id\":\"%s\"}}}").formatted(issuer, now, now + 300, RealmTenants.PIRKANMAA_ORGANIZATION));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(pair.getPrivate());
        rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private URI uri(Tenant tenant) {
        return URI.create(base() + "/api/v1/tenants/" + tenant.id() + "/organisation");
    }

    private HttpResponse<String> get(Tenant tenant, String token) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri(tenant)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
