package fi.arki.ui.security;

import fi.arki.identity.SingleSignOnIdentity;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads who a verified Keycloak token says the user is. The organization membership mapper, with
 * "Add organization id" on, writes {@code {"<alias>": {"id": "<organization id>"}, …}}; Arki maps
 * tenants by that id only, because an alias can be renamed or reused. Plain alias lists (the
 * mapper's default) carry no id and map to nothing, with a warning for the operator.
 */
final class KeycloakClaims {

    private static final Logger log = LoggerFactory.getLogger(KeycloakClaims.class);

    private KeycloakClaims() {
    }

    static SingleSignOnIdentity identity(Map<String, Object> claims, KeycloakProperties keycloak) {
        String issuer = String.valueOf(claims.get("iss"));
        String subject = String.valueOf(claims.get("sub"));
        Object name = claims.getOrDefault("name", claims.get("preferred_username"));
        Object email = claims.get("email");
        boolean verified = Boolean.TRUE.equals(claims.get("email_verified"));
        return new SingleSignOnIdentity(issuer, subject, name == null ? subject : name.toString(),
                email == null ? null : email.toString(), verified,
                realmRoles(claims).contains(keycloak.platformAdminRole()),
                organizationIds(claims.get(keycloak.organizationClaim())));
    }

    static Set<String> organizationIds(Object claim) {
        Set<String> ids = new LinkedHashSet<>();
        collect(claim, ids);
        return ids;
    }

    private static void collect(Object claim, Set<String> ids) {
        switch (claim) {
            case null -> { }
            case Map<?, ?> byAlias -> byAlias.values().forEach(details -> {
                if (details instanceof Map<?, ?> d && d.get("id") instanceof String id && !id.isBlank()) {
                    ids.add(id);
                }
            });
            case Collection<?> list -> list.forEach(element -> {
                if (element instanceof Map<?, ?>) {
                    collect(element, ids);
                } else {
                    log.warn("The organization claim holds the alias '{}' without an id; turn on 'Add organization id' "
                            + "in the organization membership mapper", element);
                }
            });
            default -> log.warn("Unexpected organization claim {}", claim);
        }
    }

    static Set<String> realmRoles(Map<String, Object> claims) {
        if (claims.get("realm_access") instanceof Map<?, ?> access && access.get("roles") instanceof Collection<?> roles) {
            Set<String> names = new LinkedHashSet<>();
            roles.forEach(r -> names.add(String.valueOf(r)));
            return names;
        }
        return Set.of();
    }
}
