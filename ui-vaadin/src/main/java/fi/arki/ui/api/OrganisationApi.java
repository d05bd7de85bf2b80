package fi.arki.ui.api;

import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Organisation;
import fi.arki.identity.AccountManagement;
import fi.arki.identity.ActingUser;
import fi.arki.identity.Membership;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.ui.security.ApiAuthentication;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read API for integrations, with Keycloak bearer tokens: a tenant's units and teams. A token
 * reaches a tenant only if one of its organizations leads there and its account is a person of
 * it; any other tenant is 403, whatever the path says.
 */
@RestController
class OrganisationApi {

    private final AccountManagement accounts;
    private final DirectoryManagement directory;

    OrganisationApi(AccountManagement accounts, DirectoryManagement directory) {
        this.accounts = accounts;
        this.directory = directory;
    }

    @GetMapping(path = "/api/v1/tenants/{tenant}/organisation", produces = "application/json")
    ResponseEntity<?> organisation(@PathVariable("tenant") String tenant, Authentication authentication) {
        Optional<TenantId> id = parse(tenant);
        if (id.isEmpty() || !(authentication instanceof ApiAuthentication caller) || !caller.tenants().contains(id.get())) {
            return forbidden();
        }
        Optional<Membership> membership = accounts.membershipIn(caller.getPrincipal().account(), id.get());
        if (membership.isEmpty()) {
            return forbidden();
        }
        ActingUser acting = caller.getPrincipal().actingIn(membership.get());
        SecurityContextHolder.getContext().setAuthentication(caller.actingAs(acting));
        Organisation organisation = TenantContext.callAs(id.get(), directory::organisation);
        return ResponseEntity.ok(new OrganisationJson(acting.tenantName(), organisation.units().stream()
                .map(u -> new UnitJson(u.unit().id().value(), u.unit().name(),
                        u.teams().stream().map(t -> new TeamJson(t.id().value(), t.name())).toList()))
                .toList()));
    }

    private static ResponseEntity<?> forbidden() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ErrorJson("forbidden"));
    }

    private static Optional<TenantId> parse(String tenant) {
        try {
            return Optional.of(new TenantId(UUID.fromString(tenant)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    record OrganisationJson(String tenant, List<UnitJson> units) {
    }

    record UnitJson(UUID id, String name, List<TeamJson> teams) {
    }

    record TeamJson(UUID id, String name) {
    }

    record ErrorJson(String error) {
    }
}
