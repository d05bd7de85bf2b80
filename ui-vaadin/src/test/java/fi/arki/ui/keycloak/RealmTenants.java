package fi.arki.ui.keycloak;

import fi.arki.admin.TenantLifecycleManagement;
import fi.arki.directory.DirectoryManagement;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.Tenant;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;

/**
 * The test realm's organizations (ids fixed in arki-realm.json) as Arki tenants, created once per
 * application context: Lappi and Pirkanmaa, each with a unit and a team.
 */
public final class RealmTenants {

    public static final String LAPPI_ORGANIZATION = "6f1f0c1e-0001-4c55-9a00-00000000a001";
    public static final String PIRKANMAA_ORGANIZATION = "6f1f0c1e-0002-4c55-9a00-00000000b002";
    public static final String KAINUU_ORGANIZATION = "6f1f0c1e-0003-4c55-9a00-00000000c003";

    private RealmTenants() {
    }

    public static synchronized Tenant ensure(TenantManagement tenants, TenantLifecycleManagement lifecycle,
                                             DirectoryManagement directory, String slug, String name, String organization,
                                             String unit, String team) {
        return tenants.findBySlug(slug).orElseGet(() -> {
            Tenant tenant = lifecycle.create(slug, name);
            lifecycle.linkOrganization(tenant.id(), organization);
            TenantId id = tenant.id();
            TenantContext.runAs(id, () -> directory.createTeam(directory.createUnit(unit).id(), team));
            return tenant;
        });
    }

    public static Tenant lappi(TenantManagement tenants, TenantLifecycleManagement lifecycle, DirectoryManagement directory) {
        return ensure(tenants, lifecycle, directory, "lappi", "Lapin elinvoimakeskus", LAPPI_ORGANIZATION, "Ympäristö", "Porotalous");
    }

    public static Tenant pirkanmaa(TenantManagement tenants, TenantLifecycleManagement lifecycle, DirectoryManagement directory) {
        return ensure(tenants, lifecycle, directory, "pirkanmaa", "Pirkanmaan elinvoimakeskus", PIRKANMAA_ORGANIZATION,
                "Elinvoima", "Yrityspalvelut");
    }
}
