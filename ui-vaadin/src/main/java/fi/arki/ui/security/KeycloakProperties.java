package fi.arki.ui.security;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on with Keycloak ({@code arki.login.mode=keycloak}): one realm per environment, its
 * Organizations are Arki's tenants (linked by organization id), {@code platform-admin} is the one
 * realm role Arki reads. See README.md, "Signing in".
 *
 * @param issuerUri        the realm, e.g. {@code https://sso.example.fi/realms/arki}
 * @param clientId         Arki's confidential client in the realm
 * @param clientSecret     its secret
 * @param apiAudience      the audience an API bearer token must carry
 * @param trustedIssuers   issuers whose bearer tokens the API accepts (default: the realm alone)
 * @param organizationClaim the claim the organization membership mapper writes, with organization ids
 * @param platformAdminRole the realm role that makes a user a platform administrator
 * @param clockSkew        how far token times may be off
 */
@ConfigurationProperties("arki.keycloak")
public record KeycloakProperties(@Nullable String issuerUri, @DefaultValue("arki") String clientId,
                                 @Nullable String clientSecret, @DefaultValue("arki-api") String apiAudience,
                                 @DefaultValue List<String> trustedIssuers,
                                 @DefaultValue("organization") String organizationClaim,
                                 @DefaultValue("platform-admin") String platformAdminRole,
                                 @DefaultValue("30s") Duration clockSkew) {

    /** The issuers the API trusts: those configured, else the realm itself. */
    public List<String> apiIssuers() {
        if (!trustedIssuers.isEmpty()) {
            return List.copyOf(trustedIssuers);
        }
        return issuerUri == null ? List.of() : List.of(issuerUri);
    }
}
