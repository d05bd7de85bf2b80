package fi.arki.directory;

import fi.arki.shared.TenantId;

/** Published when a person has been added to a tenant. */
public record PersonAdded(TenantId tenantId, PersonId person) {
}
