package fi.arki.directory;

import fi.arki.shared.TenantId;

/** Published when a role has been taken from a person in their tenant. */
public record RoleRevoked(TenantId tenantId, PersonId person, Role role) {
}
