package fi.arki.tenancy;

import fi.arki.shared.TenantId;

/** Published when a tenant has been added to the catalogue. */
public record TenantCreated(TenantId tenantId, String slug, String name) {
}
