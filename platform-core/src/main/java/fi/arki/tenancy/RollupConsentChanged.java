package fi.arki.tenancy;

import fi.arki.shared.TenantId;

/** Published when a tenant's administrator starts or stops sharing its aggregated figures across organisations. */
public record RollupConsentChanged(TenantId tenantId, boolean share) {
}
