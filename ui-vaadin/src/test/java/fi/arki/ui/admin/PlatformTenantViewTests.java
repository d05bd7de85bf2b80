package fi.arki.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import fi.arki.directory.DirectoryManagement;
import fi.arki.shared.Language;
import fi.arki.tenancy.Tenant;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.tenancy.TenantOverview;
import fi.arki.testing.Actors;
import fi.arki.ui.UiIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The platform administrator's page of one tenant: rename, link an organization, appoint an administrator, merge. */
@UiIntegrationTest
class PlatformTenantViewTests extends SpringBrowserlessTest {

    @Autowired TenantManagement tenants;
    @Autowired DirectoryManagement directory;

    Tenant source;
    Tenant target;
    String n = UUID.randomUUID().toString().substring(0, 6);

    @BeforeEach
    void tenants() {
        source = tenants.create(fi.arki.shared.TenantId.random(), "lahde-" + n, "Lähde " + n);
        target = tenants.create(fi.arki.shared.TenantId.random(), "kohde-" + n, "Kohde " + n);
        TenantContext.runAs(source.id(), () -> directory.createUnit("Siirtyvä yksikkö"));
        Actors.signInAsPlatformAdmin();
        UI.getCurrent().setLocale(Language.FI.locale());
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    @Test
    void the_platform_administrator_renames_links_appoints_and_merges() {
        navigate(PlatformTenantView.class, java.util.Map.of("tenant", source.id().toString()));

        test($(TextField.class).id("tenant-name-field")).setValue("Lähde uudelleen " + n);
        test($(Button.class).id("rename-tenant")).click();
        assertThat($(H1.class).id("tenant-title").getText()).isEqualTo("Lähde uudelleen " + n);

        test($(TextField.class).id("organization-id")).setValue("not an id!");
        test($(Button.class).id("link-organization")).click();
        assertThat($(TextField.class).id("organization-id").getErrorMessage()).startsWith("Keycloak-organisaation id on");
        test($(TextField.class).id("organization-id")).setValue("org-" + n);
        test($(Button.class).id("link-organization")).click();
        assertThat(tenants.overview().stream().filter(t -> t.tenant().id().equals(source.id())).findFirst().orElseThrow()
                .organizationIds()).containsExactly("org-" + n);

        test($(TextField.class).id("new-admin-username")).setValue("paa-" + n);
        test($(TextField.class).id("new-admin-name")).setValue("Pääkäyttäjä");
        test($(PasswordField.class).id("new-admin-password")).setValue("ensimmainen-1");
        test($(Button.class).id("create-admin")).click();
        assertThat(TenantContext.callAs(source.id(), () -> directory.people())).extracting(p -> p.displayName()).contains("Pääkäyttäjä");

        @SuppressWarnings("unchecked")
        Select<TenantOverview> into = $(Select.class).id("merge-target");
        into.setValue(into.getListDataView().getItems().filter(t -> t.tenant().id().equals(target.id())).findFirst().orElseThrow());
        test($(Button.class).id("merge-tenant")).click();
        ConfirmDialog confirm = $(ConfirmDialog.class).id("merge-confirm");
        test(confirm).confirm();

        assertThat(tenants.overview().stream().filter(t -> t.tenant().id().equals(source.id())).findFirst().orElseThrow().mergedInto())
                .isEqualTo(target.id());
        assertThat(TenantContext.callAs(target.id(), () -> directory.organisation().units()))
                .extracting(u -> u.unit().name()).contains("Siirtyvä yksikkö");
    }
}
