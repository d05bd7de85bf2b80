package fi.arki.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What Arki reads from a Keycloak token: organizations by id only, and the one global role. */
class KeycloakClaimsTests {

    final KeycloakProperties keycloak = new KeycloakProperties("http://localhost/realms/arki", "arki", "secret", "arki-api",
            List.of(), "organization", "platform-admin", Duration.ofSeconds(30));

    @Test
    void organizations_are_read_by_id_from_the_mappers_json_claim() {
        assertThat(KeycloakClaims.organizationIds(Map.of(
                "lappi", Map.of("id", "6f1f0c1e-0001"),
                "pirkanmaa", Map.of("id", "6f1f0c1e-0002"))))
                .containsExactlyInAnyOrder("6f1f0c1e-0001", "6f1f0c1e-0002");
    }

    @Test
    void an_alias_without_an_id_maps_to_no_tenant() {
        assertThat(KeycloakClaims.organizationIds(List.of("lappi", "pirkanmaa"))).isEmpty();
        assertThat(KeycloakClaims.organizationIds(Map.of("lappi", Map.of()))).isEmpty();
        assertThat(KeycloakClaims.organizationIds(null)).isEmpty();
    }

    @Test
    void a_claim_mixing_aliases_and_ids_yields_the_ids_only() {
        assertThat(KeycloakClaims.organizationIds(List.of("lappi", Map.of("lappi", Map.of("id", "6f1f0c1e-0001")))))
                .containsExactly("6f1f0c1e-0001");
    }

    @Test
    void the_identity_names_issuer_subject_and_the_platform_role() {
        var identity = KeycloakClaims.identity(Map.of(
                "iss", "http://localhost/realms/arki", "sub", "abc", "name", "Pia Platform",
                "email", "pia@example.fi", "email_verified", true,
                "realm_access", Map.of("roles", List.of("offline_access", "platform-admin"))), keycloak);
        assertThat(identity.issuer()).isEqualTo("http://localhost/realms/arki");
        assertThat(identity.subject()).isEqualTo("abc");
        assertThat(identity.platformAdmin()).isTrue();
        assertThat(identity.emailVerified()).isTrue();
        assertThat(KeycloakClaims.identity(Map.of("iss", "i", "sub", "s"), keycloak).platformAdmin()).isFalse();
    }
}
