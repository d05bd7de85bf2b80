package fi.arki.ui.admin;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import fi.arki.admin.ImportReport;
import fi.arki.admin.TenantExportManagement;
import fi.arki.admin.TenantLifecycleManagement;
import fi.arki.shared.AccessRoles;
import fi.arki.shared.InvalidInputException;
import fi.arki.ui.i18n.UploadTexts;
import fi.arki.ui.layout.PlatformView;
import fi.arki.tenancy.Tenant;
import fi.arki.tenancy.TenantOverview;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The platform administrator's home: every tenant, a new one, and one restored from an export. */
@Route("platform")
@Menu(title = "nav.platform.tenants", order = 900)
@RolesAllowed(AccessRoles.PLATFORM_ADMIN)
public class PlatformTenantsView extends Main implements HasDynamicTitle, PlatformView {

    private final TenantLifecycleManagement lifecycle;
    private final TenantExportManagement exports;
    private final Grid<TenantOverview> grid = new Grid<>();
    private Map<String, String> names = Map.of();
    private volatile @Nullable Path uploaded;

    public PlatformTenantsView(TenantLifecycleManagement lifecycle, TenantExportManagement exports) {
        this.lifecycle = lifecycle;
        this.exports = exports;
        addClassName("arki-page");
        add(new H1(getTranslation("platform.tenants.title")));
        add(new Paragraph(getTranslation("platform.tenants.help")));

        grid.setId("tenants");
        grid.setAriaLabel(getTranslation("platform.tenants.title"));
        grid.addComponentColumn(t -> {
            RouterLink link = new RouterLink(t.tenant().name(), PlatformTenantView.class,
                    new RouteParameters("tenant", t.tenant().id().toString()));
            link.setId("tenant-link-" + t.tenant().slug());
            return link;
        }).setHeader(getTranslation("platform.tenants.name")).setFlexGrow(3);
        grid.addColumn(t -> t.tenant().slug()).setHeader(getTranslation("platform.tenants.slug"));
        grid.addColumn(t -> t.organizationIds().isEmpty() ? "–" : String.join(", ", t.organizationIds()))
                .setHeader(getTranslation("platform.tenants.organizations")).setFlexGrow(2);
        grid.addColumn(this::status).setHeader(getTranslation("platform.tenants.status"));
        grid.setAllRowsVisible(true);
        add(grid);

        Section create = new Section();
        create.add(new H2(getTranslation("platform.tenants.create")));
        TextField name = new TextField(getTranslation("platform.tenants.name"));
        name.setId("new-tenant-name");
        name.setRequired(true);
        TextField slug = new TextField(getTranslation("platform.tenants.slug"));
        slug.setId("new-tenant-slug");
        slug.setHelperText(getTranslation("platform.tenants.slug-help"));
        slug.setRequired(true);
        Button add = new Button(getTranslation("platform.tenants.create-button"), e -> {
            Tenant created = Feedback.get(this, "platform.tenants.created", slug,
                    () -> lifecycle.create(slug.getValue().strip(), name.getValue()));
            if (created != null) {
                name.clear();
                slug.clear();
                refresh();
            }
        });
        add.setId("create-tenant");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout row = new HorizontalLayout(name, slug, add);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        create.add(row);
        add(create);
        add(importSection());
        refresh();
    }

    /** Restoring an export as a new tenant: the file is uploaded to a temporary file, then restored in one transaction. */
    private Section importSection() {
        Section section = new Section();
        H2 heading = new H2(getTranslation("lifecycle.import.section"));
        heading.setId("import-heading");
        section.getElement().setAttribute("aria-labelledby", "import-heading");
        section.add(heading, new Paragraph(getTranslation("lifecycle.import.help")));
        Upload upload = new Upload(UploadHandler.toTempFile((metadata, file) -> {
            // only kept here: the restore runs when the administrator asks, with the short name and name they give
            replaceUpload(file.toPath());
        }));
        upload.setId("import-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".zip", "application/zip");
        upload.setI18n(UploadTexts.zip(this));
        upload.addFileRejectedListener(e -> Notification.show(getTranslation("decks.upload.wrong-type"), 6000,
                Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_ERROR));
        TextField name = new TextField(getTranslation("platform.tenants.name"));
        name.setId("import-tenant-name");
        name.setRequired(true);
        TextField slug = new TextField(getTranslation("platform.tenants.slug"));
        slug.setId("import-tenant-slug");
        slug.setHelperText(getTranslation("platform.tenants.slug-help"));
        slug.setRequired(true);
        Button restore = new Button(getTranslation("lifecycle.import.button"), e -> {
            Path file = uploaded;
            if (file == null) {
                Notification.show(getTranslation("lifecycle.import.no-file"), 6000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
                return;
            }
            slug.setInvalid(false);
            name.setInvalid(false);
            ImportReport report = Feedback.get(this, "lifecycle.import.done", null, () -> {
                try {
                    return exports.importTenant(file, slug.getValue().strip(), name.getValue());
                } catch (InvalidInputException problem) {
                    // a refused short name or name is shown on its field; what is wrong with the file, in the notice
                    TextField field = problem.messageKey().startsWith("error.tenant.slug") ? slug
                            : problem.messageKey().startsWith("error.name") ? name : null;
                    if (field != null) {
                        field.setErrorMessage(getTranslation(problem.messageKey(), problem.arguments().toArray()));
                        field.setInvalid(true);
                    } else {
                        // the file itself was refused: it goes, so that another can be chosen
                        replaceUpload(null);
                        upload.clearFileList();
                    }
                    throw problem;
                }
            });
            if (report != null) {
                replaceUpload(null);
                upload.clearFileList();
                name.clear();
                slug.clear();
                refresh();
            }
        });
        restore.setId("import-tenant");
        HorizontalLayout row = new HorizontalLayout(name, slug, restore);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        Paragraph fileLabel = new Paragraph(getTranslation("lifecycle.import.file"));
        fileLabel.addClassName("arki-fact-label");
        section.add(fileLabel, upload, row);
        return section;
    }

    private synchronized void replaceUpload(@Nullable Path file) {
        Path previous = uploaded;
        uploaded = file;
        if (previous != null && !previous.equals(file)) {
            try {
                Files.deleteIfExists(previous);
            } catch (IOException e) {
                // a temporary file; the operating system clears it in time
            }
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        replaceUpload(null);
        super.onDetach(event);
    }

    private String status(TenantOverview t) {
        if (t.active()) {
            return getTranslation("platform.tenants.active");
        }
        return getTranslation("platform.tenants.merged-into", names.getOrDefault(String.valueOf(t.mergedInto()), "?"));
    }

    private void refresh() {
        var tenants = lifecycle.overview();
        names = tenants.stream().collect(Collectors.toMap(o -> o.tenant().id().toString(), o -> o.tenant().name()));
        grid.setItems(tenants);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("platform.tenants.title") + " – " + getTranslation("app.name");
    }
}
