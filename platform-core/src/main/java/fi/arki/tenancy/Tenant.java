package fi.arki.tenancy;

import fi.arki.shared.TenantId;

/** An organisation using Arki. */
public record Tenant(TenantId id, String slug, String name) {
}
