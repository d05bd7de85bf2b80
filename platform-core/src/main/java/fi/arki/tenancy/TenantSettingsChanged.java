package fi.arki.tenancy;

import fi.arki.shared.TenantId;

/** Published when a tenant administrator has changed the tenant's settings. */
public record TenantSettingsChanged(TenantId tenantId, TenantSettings previous, TenantSettings settings) {
}
