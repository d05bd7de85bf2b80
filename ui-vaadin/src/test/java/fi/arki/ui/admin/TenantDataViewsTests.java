package fi.arki.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Role;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.Tenant;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.testing.Actors;
import fi.arki.ui.UiIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The data lifecycle's screens: the platform administrator downloads a tenant's data, restores it
 * as a new tenant and deletes that one (typing its short name, then confirming); a tenant
 * administrator downloads their own tenant's data from its settings, and sees there what their
 * retention period deletes.
 */
@UiIntegrationTest
class TenantDataViewsTests extends SpringBrowserlessTest {

    @Autowired TenantManagement tenants;
    @Autowired DirectoryManagement directory;

    Tenant tenant;
    String n = UUID.randomUUID().toString().substring(0, 6);

    @BeforeEach
    void tenant() {
        tenant = tenants.create(TenantId.random(), "tiedot-" + n, "Tiedot " + n);
        TenantContext.runAs(tenant.id(), () -> directory.createUnit("Vietävä yksikkö " + n));
        UI.getCurrent().setLocale(Language.FI.locale());
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    @Test
    void the_platform_administrator_downloads_restores_and_deletes_a_tenant() throws IOException {
        Actors.signInAsPlatformAdmin();
        navigate(PlatformTenantView.class, Map.of("tenant", tenant.id().toString()));
        ByteArrayOutputStream export = new ByteArrayOutputStream();
        test($(Anchor.class).id("export-tenant")).download(export);
        Map<String, String> files = unzip(export.toByteArray());
        assertThat(files).containsKeys("manifest.json", "tables/unit.json");
        assertThat(files.get("tables/unit.json")).contains("Vietävä yksikkö " + n);

        navigate(PlatformTenantsView.class);
        test($(Button.class).id("import-tenant")).click();
        assertThat(tenants.findBySlug("palautettu-" + n)).as("nothing to restore yet").isEmpty();
        test($(TextField.class).id("import-tenant-name")).setValue("Palautettu " + n);
        test($(TextField.class).id("import-tenant-slug")).setValue("palautettu-" + n);
        test($(Upload.class).id("import-upload")).upload("export.zip", "application/zip", "ei zip".getBytes(StandardCharsets.UTF_8));
        test($(Button.class).id("import-tenant")).click();
        assertThat(tenants.findBySlug("palautettu-" + n)).as("a file that is not an export restores nothing").isEmpty();
        assertThat($(TextField.class).id("import-tenant-slug").isInvalid()).as("the file was wrong, not the short name").isFalse();
        test($(Button.class).id("import-tenant")).click();
        assertThat(tenants.findBySlug("palautettu-" + n)).as("the refused file is gone").isEmpty();

        test($(Upload.class).id("import-upload")).upload("export.zip", "application/zip", export.toByteArray());
        test($(TextField.class).id("import-tenant-slug")).setValue(tenant.slug());
        test($(Button.class).id("import-tenant")).click();
        assertThat($(TextField.class).id("import-tenant-slug").getErrorMessage()).contains(tenant.slug());
        test($(TextField.class).id("import-tenant-slug")).setValue("palautettu-" + n);
        test($(Button.class).id("import-tenant")).click();
        Tenant restored = tenants.findBySlug("palautettu-" + n).orElseThrow();
        assertThat(TenantContext.callAs(restored.id(), () -> directory.organisation().units()))
                .extracting(u -> u.unit().name()).containsExactly("Vietävä yksikkö " + n);

        navigate(PlatformTenantView.class, Map.of("tenant", restored.id().toString()));
        test($(TextField.class).id("delete-confirm-slug")).setValue(restored.name());
        test($(Button.class).id("delete-tenant")).click();
        assertThat($(TextField.class).id("delete-confirm-slug").getErrorMessage()).contains("palautettu-" + n);
        assertThat($(ConfirmDialog.class).all()).as("no dialog before the short name is right").isEmpty();
        assertThat(tenants.findBySlug("palautettu-" + n)).isPresent();

        test($(TextField.class).id("delete-confirm-slug")).setValue("palautettu-" + n);
        test($(Button.class).id("delete-tenant")).click();
        test($(ConfirmDialog.class).id("delete-confirm")).confirm();
        assertThat(tenants.findBySlug("palautettu-" + n)).as("deleted").isEmpty();
        assertThat(tenants.findBySlug(tenant.slug())).as("the original stays").isPresent();
        assertThat(getCurrentView()).isInstanceOf(PlatformTenantsView.class);
    }

    @Test
    void a_tenant_administrator_downloads_their_own_tenants_data() throws IOException {
        Actors.signIn(tenant.id(), tenant.name(), Role.TENANT_ADMIN);
        navigate(TenantSettingsView.class);
        assertThat($(Paragraph.class).id("settings-retention-preview").getText()).startsWith("Säilytysajalla 730 päivää")
                .contains("poistaa 0 päättynyttä keskustelua");
        test($(IntegerField.class).id("settings-retention")).setValue(30);
        assertThat($(Paragraph.class).id("settings-retention-preview").getText()).startsWith("Säilytysajalla 30 päivää");
        ByteArrayOutputStream export = new ByteArrayOutputStream();
        test($(Anchor.class).id("export-own-tenant")).download(export);
        Map<String, String> files = unzip(export.toByteArray());
        assertThat(files.get("manifest.json")).contains(tenant.slug());
        assertThat(files.get("tables/unit.json")).contains("Vietävä yksikkö " + n);
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
