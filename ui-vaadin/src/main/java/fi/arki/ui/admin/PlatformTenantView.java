package fi.arki.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import fi.arki.admin.DeletionReport;
import fi.arki.admin.MergeReport;
import fi.arki.admin.TenantExportManagement;
import fi.arki.admin.TenantLifecycleManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.shared.AccessRoles;
import fi.arki.ui.layout.PlatformView;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantOverview;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;

/**
 * One tenant, for the platform administrator: its name, its Keycloak organizations (by id), its
 * administrators, downloading its data, merging it into another tenant, and deleting it.
 */
@Route("platform/tenants/:tenant")
@RolesAllowed(AccessRoles.PLATFORM_ADMIN)
public class PlatformTenantView extends Main implements BeforeEnterObserver, HasDynamicTitle, PlatformView {

    private final TenantLifecycleManagement lifecycle;
    private final TenantExportManagement exports;
    private TenantOverview tenant;

    public PlatformTenantView(TenantLifecycleManagement lifecycle, TenantExportManagement exports) {
        this.lifecycle = lifecycle;
        this.exports = exports;
        addClassName("arki-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<TenantOverview> found = event.getRouteParameters().get("tenant").flatMap(id -> {
            try {
                TenantId tenantId = TenantId.of(id);
                return lifecycle.overview().stream().filter(t -> t.tenant().id().equals(tenantId)).findFirst();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
        if (found.isEmpty()) {
            event.forwardTo(PlatformTenantsView.class);
            return;
        }
        tenant = found.get();
        render();
    }

    private void render() {
        removeAll();
        add(new RouterLink(getTranslation("platform.tenant.back"), PlatformTenantsView.class));
        H1 title = new H1(tenant.tenant().name());
        title.setId("tenant-title");
        add(title);
        if (!tenant.active()) {
            Paragraph merged = new Paragraph(getTranslation("platform.tenant.is-merged"));
            merged.setId("tenant-merged");
            add(merged);
            return;
        }
        add(renameSection(), organizationSection(), adminSection(), dataSection(), mergeSection(), deleteSection());
    }

    private Section renameSection() {
        Section section = section("platform.tenant.rename");
        TextField name = new TextField(getTranslation("platform.tenants.name"), tenant.tenant().name(), "");
        name.setId("tenant-name-field");
        Button save = new Button(getTranslation("admin.save"), e -> {
            if (Feedback.get(this, "platform.tenant.renamed", name, () -> lifecycle.rename(tenant.tenant().id(), name.getValue())) != null) {
                reload();
            }
        });
        save.setId("rename-tenant");
        section.add(row(name, save));
        return section;
    }

    private Section organizationSection() {
        Section section = section("platform.tenant.organizations");
        section.add(new Paragraph(getTranslation("platform.tenant.organizations-help")));
        UnorderedList list = new UnorderedList();
        list.setId("organizations");
        for (String organization : tenant.organizationIds()) {
            Button unlink = new Button(getTranslation("platform.tenant.unlink"), e -> {
                if (Feedback.run(this, "platform.tenant.unlinked", null, () -> lifecycle.unlinkOrganization(organization))) {
                    reload();
                }
            });
            unlink.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            unlink.setAriaLabel(getTranslation("platform.tenant.unlink") + " " + organization);
            list.add(new ListItem(new com.vaadin.flow.component.html.Span(organization + " "), unlink));
        }
        section.add(list);
        TextField organization = new TextField(getTranslation("platform.tenant.organization-id"));
        organization.setId("organization-id");
        organization.setHelperText(getTranslation("platform.tenant.organization-id-help"));
        Button link = new Button(getTranslation("platform.tenant.link"), e -> {
            if (Feedback.run(this, "platform.tenant.linked", organization,
                    () -> lifecycle.linkOrganization(tenant.tenant().id(), organization.getValue()))) {
                reload();
            }
        });
        link.setId("link-organization");
        section.add(row(organization, link));
        return section;
    }

    private Section adminSection() {
        Section section = section("platform.tenant.admins");
        TenantId id = tenant.tenant().id();
        Grid<Person> people = new Grid<>();
        people.setId("tenant-people");
        people.setAriaLabel(getTranslation("platform.tenant.admins"));
        people.addColumn(Person::displayName).setHeader(getTranslation("people.name"));
        people.addColumn(p -> p.email() == null ? "" : p.email()).setHeader(getTranslation("people.email"));
        people.addComponentColumn(p -> {
            Checkbox admin = new Checkbox(getTranslation("role.tenant-admin"), lifecycle.rolesOf(id, p.id()).contains(Role.TENANT_ADMIN));
            admin.setId("tenant-admin-" + p.id());
            admin.addValueChangeListener(e -> {
                if (e.isFromClient() && !Feedback.run(this, "platform.tenant.admins-saved", null,
                        () -> lifecycle.setTenantAdmin(id, p.id(), e.getValue()))) {
                    admin.setValue(e.getOldValue());
                }
            });
            return admin;
        }).setHeader(getTranslation("platform.tenant.admin-column"));
        people.setItems(lifecycle.peopleOf(id));
        people.setAllRowsVisible(true);
        section.add(people);

        section.add(new Paragraph(getTranslation("platform.tenant.new-admin-help")));
        TextField username = new TextField(getTranslation("people.username"));
        username.setId("new-admin-username");
        TextField name = new TextField(getTranslation("people.name"));
        name.setId("new-admin-name");
        EmailField email = new EmailField(getTranslation("people.email"));
        email.setId("new-admin-email");
        PasswordField password = new PasswordField(getTranslation("people.first-password"));
        password.setId("new-admin-password");
        Button create = new Button(getTranslation("platform.tenant.new-admin"), e -> {
            if (Feedback.get(this, "platform.tenant.admin-created", username, () -> lifecycle.createLocalTenantAdmin(
                    id, username.getValue(), name.getValue(), email.getValue(), password.getValue())) != null) {
                reload();
            }
        });
        create.setId("create-admin");
        section.add(row(username, name, email, password, create));
        return section;
    }

    private Section mergeSection() {
        Section section = section("platform.tenant.merge");
        section.add(new Paragraph(getTranslation("platform.tenant.merge-help", tenant.tenant().name())));
        Select<TenantOverview> target = new Select<>();
        target.setId("merge-target");
        target.setLabel(getTranslation("platform.tenant.merge-into"));
        target.setItemLabelGenerator(t -> t.tenant().name());
        target.setItems(lifecycle.overview().stream().filter(t -> t.active() && !t.tenant().id().equals(tenant.tenant().id())).toList());
        Button merge = new Button(getTranslation("platform.tenant.merge-button"), e -> {
            if (target.getValue() == null) {
                target.setErrorMessage(getTranslation("platform.tenant.merge-choose"));
                target.setInvalid(true);
                return;
            }
            TenantOverview into = target.getValue();
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("platform.tenant.merge-confirm-title"),
                    getTranslation("platform.tenant.merge-confirm", tenant.tenant().name(), into.tenant().name()),
                    getTranslation("platform.tenant.merge-button"), c -> {
                        MergeReport report = Feedback.get(this, "platform.tenant.merged", target,
                                () -> lifecycle.merge(tenant.tenant().id(), into.tenant().id()));
                        if (report != null) {
                            getUI().ifPresent(ui -> ui.navigate(PlatformTenantView.class,
                                    new com.vaadin.flow.router.RouteParameters("tenant", into.tenant().id().toString())));
                        }
                    }, getTranslation("admin.cancel"), c -> { });
            confirm.setConfirmButtonTheme("error primary");
            confirm.setId("merge-confirm");
            confirm.open();
        });
        merge.setId("merge-tenant");
        merge.addThemeVariants(ButtonVariant.LUMO_ERROR);
        section.add(row(target, merge));
        return section;
    }

    private Section dataSection() {
        Section section = section("lifecycle.section");
        section.add(new Paragraph(getTranslation("lifecycle.export.help")));
        TenantId id = tenant.tenant().id();
        section.add(ExportDownload.anchor("export-tenant", getTranslation("lifecycle.export.download"), tenant.tenant().slug(),
                out -> exports.exportTenant(id, out)));
        return section;
    }

    /** Deleting the tenant: its short name typed to confirm, then once more in a dialog. */
    private Section deleteSection() {
        Section section = section("lifecycle.delete.section");
        section.add(new Paragraph(getTranslation("lifecycle.delete.help")));
        String slug = tenant.tenant().slug();
        TextField typed = new TextField(getTranslation("lifecycle.delete.confirm-field", slug));
        typed.setId("delete-confirm-slug");
        Button delete = new Button(getTranslation("lifecycle.delete.button"), e -> {
            if (!slug.equals(typed.getValue().strip())) {
                typed.setErrorMessage(getTranslation("lifecycle.delete.error.confirmation", slug));
                typed.setInvalid(true);
                return;
            }
            typed.setInvalid(false);
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("lifecycle.delete.confirm-title"),
                    getTranslation("lifecycle.delete.confirm", tenant.tenant().name()),
                    getTranslation("lifecycle.delete.button"), c -> {
                        DeletionReport report = Feedback.get(this, "lifecycle.delete.done", typed,
                                () -> lifecycle.delete(tenant.tenant().id(), typed.getValue()));
                        if (report != null) {
                            getUI().ifPresent(ui -> ui.navigate(PlatformTenantsView.class));
                        }
                    }, getTranslation("admin.cancel"), c -> { });
            confirm.setConfirmButtonTheme("error primary");
            confirm.setId("delete-confirm");
            confirm.open();
        });
        delete.setId("delete-tenant");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        section.add(row(typed, delete));
        return section;
    }

    private void reload() {
        lifecycle.overview().stream().filter(t -> t.tenant().id().equals(tenant.tenant().id())).findFirst()
                .ifPresent(t -> tenant = t);
        render();
    }

    private Section section(String titleKey) {
        Section section = new Section();
        H2 heading = new H2(getTranslation(titleKey));
        heading.setId(titleKey.replace('.', '-'));
        section.getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
        section.add(heading);
        return section;
    }

    private static HorizontalLayout row(com.vaadin.flow.component.Component... components) {
        HorizontalLayout row = new HorizontalLayout(components);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    @Override
    public String getPageTitle() {
        return (tenant == null ? "" : tenant.tenant().name() + " – ") + getTranslation("app.name");
    }
}
