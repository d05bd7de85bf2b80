package fi.arki.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.identity.AccountManagement;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.Tenant;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.tenancy.TenantOverview;
import fi.arki.tenancy.TenantSettingsManagement;
import fi.arki.testing.Actors;
import fi.arki.ui.UiIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The administration views without a browser: what an administrator types is saved, and what Arki
 * refuses is said on the field, in their language, with what they typed still there.
 */
@UiIntegrationTest
class AdminViewsTests extends SpringBrowserlessTest {

    @Autowired TenantManagement tenants;
    @Autowired TenantSettingsManagement settings;
    @Autowired DirectoryManagement directory;
    @Autowired AccountManagement accounts;

    TenantId tenant = TenantId.random();
    String n = UUID.randomUUID().toString().substring(0, 6);

    @BeforeEach
    void signIn() {
        tenants.create(tenant, "admin-" + n, "Hallittu keskus " + n);
        Actors.signIn(tenant, "Hallittu keskus " + n, Role.TENANT_ADMIN);
        UI.getCurrent().setLocale(Language.FI.locale());
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    @Test
    void a_refused_setting_is_explained_on_its_field_and_nothing_typed_is_lost_then_a_bilingual_tenant_is_saved() {
        TenantContext.runAs(tenant, () -> {
            navigate(TenantSettingsView.class);
            IntegerField threshold = $(IntegerField.class).id("settings-threshold");
            assertThat(threshold.getValue()).as("default anonymity threshold").isEqualTo(5);
            test(threshold).setValue(1);
            test($(TextField.class).id("settings-inessive")).setValue("Hallitussa keskuksessa");
            test($(Button.class).id("settings-save")).click();

            assertThat(threshold.isInvalid()).isTrue();
            assertThat(threshold.getErrorMessage()).isEqualTo("Anonymiteettirajan on oltava 2–50 vastaajaa.");
            assertThat(threshold.getValue()).isEqualTo(1);
            assertThat($(TextField.class).id("settings-inessive").getValue()).isEqualTo("Hallitussa keskuksessa");
            assertThat(settings.current().anonymityThreshold()).isEqualTo(5);

            test(threshold).setValue(6);
            @SuppressWarnings("unchecked")
            CheckboxGroup<Language> languages = $(CheckboxGroup.class).id("settings-languages");
            test(languages).selectItem("ruotsi");
            test($(Button.class).id("settings-save")).click();

            assertThat(settings.current().anonymityThreshold()).isEqualTo(6);
            assertThat(settings.current().bilingual()).isTrue();
            assertThat(settings.current().nameFinnishInessive()).isEqualTo("Hallitussa keskuksessa");
            assertThat($(Paragraph.class).id("settings-bilingual").getText()).contains("kaksikielinen");
        });
    }

    @Test
    void a_tenant_administrator_adds_units_and_teams_and_a_taken_name_is_refused_on_the_field() {
        TenantContext.runAs(tenant, () -> {
            navigate(DirectoryAdminView.class);
            test($(TextField.class).id("new-unit-name")).setValue("Ympäristö");
            test($(Button.class).id("add-unit")).click();
            assertThat($(H2.class).all()).extracting(H2::getText).contains("Ympäristö");

            test($(TextField.class).id("new-unit-name")).setValue("ympäristö");
            test($(Button.class).id("add-unit")).click();
            TextField name = $(TextField.class).id("new-unit-name");
            assertThat(name.isInvalid()).isTrue();
            assertThat(name.getErrorMessage()).isEqualTo("Vastuualue ympäristö on jo olemassa.");
            assertThat(name.getValue()).isEqualTo("ympäristö");

            var unit = directory.organisation().units().getFirst().unit();
            test($(TextField.class).id("new-team-" + unit.id())).setValue("Vesitalous");
            test($(Button.class).id("add-team-" + unit.id())).click();
            assertThat(directory.organisation().units().getFirst().teams()).extracting(t -> t.name()).containsExactly("Vesitalous");
        });
    }

    @Test
    void a_tenant_administrator_adds_a_person_with_a_local_account_who_must_change_the_first_password() {
        TenantContext.runAs(tenant, () -> {
            navigate(PeopleAdminView.class);
            test($(TextField.class).id("new-person-name")).setValue("Uusi Ihminen");
            test($(EmailField.class).id("new-person-email")).setValue("uusi@example.fi");
            test($(TextField.class).id("new-person-username")).setValue("uusi-" + n);
            test($(PasswordField.class).id("new-person-password")).setValue("eka-salasana");
            test($(Button.class).id("add-person")).click();

            Person person = directory.people().stream().filter(p -> p.displayName().equals("Uusi Ihminen")).findFirst().orElseThrow();
            assertThat(directory.rolesOf(person.id())).containsExactly(Role.MEMBER);
            assertThat(Actors.asSystem(() -> accounts.passwordChangeRequired(person.account()))).isTrue();
            @SuppressWarnings("unchecked")
            Grid<fi.arki.identity.LocalAccountStatus> locks = $(Grid.class).id("local-accounts");
            assertThat(test(locks).size()).isEqualTo(1);

            test($(TextField.class).id("new-person-name")).setValue("Toinen");
            test($(TextField.class).id("new-person-username")).setValue("uusi-" + n);
            test($(PasswordField.class).id("new-person-password")).setValue("eka-salasana");
            test($(Button.class).id("add-person")).click();
            TextField username = $(TextField.class).id("new-person-username");
            assertThat(username.getErrorMessage()).isEqualTo("Käyttäjätunnus uusi-" + n + " on jo käytössä.");
        });
    }

    @Test
    void a_tenant_administrator_removes_someone_who_left_after_confirming_and_cannot_remove_the_last_administrator() {
        TenantContext.runAs(tenant, () -> {
            Person admin = Actors.asSystem(() -> directory.addPerson("Ainoa Ylläpitäjä", null, null));
            Actors.asSystem(() -> directory.grantRole(admin.id(), Role.TENANT_ADMIN));
            Person leaver = Actors.asSystem(() -> directory.addPerson("Lähtevä Liisa", "liisa@example.fi", null));
            navigate(PeopleAdminView.class);
            @SuppressWarnings("unchecked")
            Grid<Person> people = $(Grid.class).id("people");

            people.select(leaver);
            test($(Button.class).id("remove-person")).click();
            assertThat(directory.people()).as("nothing happens before the confirmation").extracting(Person::displayName)
                    .contains("Lähtevä Liisa");
            ConfirmDialog confirm = $(ConfirmDialog.class).id("remove-person-confirm");
            test(confirm).confirm();
            assertThat(directory.people()).extracting(Person::displayName).containsExactly("Ainoa Ylläpitäjä");
            assertThat(test(people).size()).isEqualTo(1);
            assertThat($(com.vaadin.flow.component.html.Section.class).all())
                    .noneMatch(s -> "person-editor".equals(s.getId().orElse("")));

            people.select(admin);
            test($(Button.class).id("remove-person")).click();
            test($(ConfirmDialog.class).id("remove-person-confirm")).confirm();
            assertThat(directory.people()).extracting(Person::displayName).containsExactly("Ainoa Ylläpitäjä");
            assertThat($(com.vaadin.flow.component.notification.Notification.class).all())
                    .anySatisfy(note -> assertThat(test(note).getText()).contains("viimeistä ylläpitäjää ei voi poistaa"));
        });
    }

    @Test
    void the_side_menu_offers_a_tenant_administrator_the_administration() {
        TenantContext.runAs(tenant, () -> {
            navigate(fi.arki.ui.views.OrganisationView.class);
            assertThat($(com.vaadin.flow.component.sidenav.SideNavItem.class).all())
                    .extracting(com.vaadin.flow.component.sidenav.SideNavItem::getLabel)
                    .contains("Organisaatio", "Henkilöt ja roolit", "Asetukset", "Tapahtumaloki")
                    .doesNotContain("Tietoturva");
        });
    }

    @Test
    void a_member_is_offered_no_administration() {
        Actors.signIn(tenant, "Hallittu keskus " + n, Role.MEMBER);
        TenantContext.runAs(tenant, () -> {
            navigate(fi.arki.ui.views.OrganisationView.class);
            assertThat($(com.vaadin.flow.component.sidenav.SideNavItem.class).all())
                    .extracting(com.vaadin.flow.component.sidenav.SideNavItem::getLabel)
                    .contains("Organisaatio")
                    .doesNotContain("Henkilöt ja roolit", "Asetukset", "Tapahtumaloki", "Organisaatiot", "Tietoturva");
        });
    }

    @Test
    void a_platform_administrator_creates_a_tenant_and_a_bad_short_name_is_explained() {
        Actors.signInAsPlatformAdmin();
        navigate(PlatformTenantsView.class);
        test($(TextField.class).id("new-tenant-name")).setValue("Uusimaa " + n);
        test($(TextField.class).id("new-tenant-slug")).setValue("Uusimaa!");
        test($(Button.class).id("create-tenant")).click();
        TextField slug = $(TextField.class).id("new-tenant-slug");
        assertThat(slug.getErrorMessage()).startsWith("Lyhytnimessä voi olla vain");

        test(slug).setValue("uusimaa-" + n);
        test($(Button.class).id("create-tenant")).click();
        assertThat(Actors.asSystem(() -> tenants.findBySlug("uusimaa-" + n))).map(Tenant::name).contains("Uusimaa " + n);
        @SuppressWarnings("unchecked")
        Grid<TenantOverview> grid = $(Grid.class).id("tenants");
        List<String> names = java.util.stream.IntStream.range(0, test(grid).size()).mapToObj(i -> test(grid).getRow(i).tenant().name()).toList();
        assertThat(names).contains("Uusimaa " + n);
    }
}
