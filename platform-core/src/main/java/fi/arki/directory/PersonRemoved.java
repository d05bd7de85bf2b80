package fi.arki.directory;

import fi.arki.shared.TenantId;

/** Published when a tenant administrator has removed a person from their tenant. */
public record PersonRemoved(TenantId tenantId, PersonId person) {
}
