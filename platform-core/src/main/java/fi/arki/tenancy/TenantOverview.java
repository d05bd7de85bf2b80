package fi.arki.tenancy;

import fi.arki.shared.TenantId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A tenant as the platform administrator sees it: its Keycloak organizations and whether it was merged away. */
public record TenantOverview(Tenant tenant, Instant createdAt, @Nullable TenantId mergedInto,
                             @Nullable Instant mergedAt, List<String> organizationIds) {

    public TenantOverview {
        organizationIds = List.copyOf(organizationIds);
    }

    public boolean active() {
        return mergedInto == null;
    }
}
