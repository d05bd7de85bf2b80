package fi.arki.ui.admin;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fi.arki.audit.AuditManagement;
import fi.arki.shared.AccessRoles;
import jakarta.annotation.security.RolesAllowed;

/** The tenant administrator's view of the audit log: what happened in their tenant. */
@Route("admin/audit")
@Menu(title = "nav.admin.audit", order = 530)
@RolesAllowed(AccessRoles.TENANT_ADMIN)
public class AuditLogView extends Main implements HasDynamicTitle {

    public AuditLogView(AuditManagement audit) {
        addClassName("arki-page");
        add(new H1(getTranslation("audit.title")), new Paragraph(getTranslation("audit.help")));
        add(new AuditGrid(audit.tenantEntries(500)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title") + " – " + getTranslation("app.name");
    }
}
