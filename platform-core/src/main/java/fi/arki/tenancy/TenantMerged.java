package fi.arki.tenancy;

import fi.arki.shared.TenantId;

/** Published when {@code sourceTenantId} has been merged into {@code tenantId}; the source holds no rows any more. */
public record TenantMerged(TenantId tenantId, TenantId sourceTenantId) {
}
