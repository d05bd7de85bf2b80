package fi.arki.directory;

import fi.arki.shared.TenantId;

/** Published when a person has been given a role in their tenant. */
public record RoleGranted(TenantId tenantId, PersonId person, Role role) {
}
