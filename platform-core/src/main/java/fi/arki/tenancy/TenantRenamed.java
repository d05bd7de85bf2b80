package fi.arki.tenancy;

import fi.arki.shared.TenantId;

/** Published when a tenant has a new name (its id and data stay). */
public record TenantRenamed(TenantId tenantId, String previousName, String name) {
}
