package fi.arki.ui.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.admin.TenantLifecycleManagement;
import fi.arki.directory.DirectoryManagement;
import fi.arki.tenancy.Tenant;
import fi.arki.tenancy.TenantContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * After a merge, the members of the merged tenant's Keycloak organization sign in to the tenant it
 * became, with the real Keycloak's tokens, and see the data that moved there.
 */
class MergedOrganizationSignInTests extends KeycloakModeTestBase {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired TenantLifecycleManagement lifecycle;
    @Autowired DirectoryManagement directory;

    @Test
    void the_merged_organizations_members_reach_the_tenant_it_became() throws Exception {
        Tenant kainuu = lifecycle.create("kainuu-ely", "Kainuun ELY-keskus");
        lifecycle.linkOrganization(kainuu.id(), RealmTenants.KAINUU_ORGANIZATION);
        TenantContext.runAs(kainuu.id(), () -> directory.createTeam(directory.createUnit("Kalatalous").id(), "Kalastusluvat"));
        Tenant successor = lifecycle.create("pohjois-suomi", "Pohjois-Suomen elinvoimakeskus");

        String before = Tokens.arki("dora", "dora-Secret-1");
        assertThat(get(kainuu, before).statusCode()).isEqualTo(200);
        assertThat(get(successor, before).statusCode()).isEqualTo(403);

        lifecycle.merge(kainuu.id(), successor.id());

        String after = Tokens.arki("dora", "dora-Secret-1");
        HttpResponse<String> merged = get(successor, after);
        assertThat(merged.statusCode()).isEqualTo(200);
        assertThat(merged.body()).contains("Pohjois-Suomen elinvoimakeskus", "Kalatalous", "Kalastusluvat");
        assertThat(get(kainuu, after).statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> get(Tenant tenant, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/tenants/" + tenant.id() + "/organisation"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
