package fi.arki.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fi.arki.audit.AuditManagement;
import fi.arki.identity.AccountManagement;
import fi.arki.identity.LocalAccountStatus;
import fi.arki.shared.AccessRoles;
import fi.arki.ui.layout.PlatformView;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;

/** Platform security: every local account's lock state, and the whole platform's audit log. */
@Route("platform/audit")
@Menu(title = "nav.platform.audit", order = 910)
@RolesAllowed(AccessRoles.PLATFORM_ADMIN)
public class PlatformAuditView extends Main implements HasDynamicTitle, PlatformView {

    private final AccountManagement accounts;
    private final Grid<LocalAccountStatus> grid = new Grid<>();

    public PlatformAuditView(AuditManagement audit, AccountManagement accounts) {
        this.accounts = accounts;
        addClassName("arki-page");
        add(new H1(getTranslation("platform.audit.title")));
        add(new H2(getTranslation("accounts.title")));
        AccountsGrid.configure(grid, this, accounts::unlock, this::refresh);
        add(grid);
        add(new H2(getTranslation("audit.title")), new Paragraph(getTranslation("platform.audit.help")));
        add(new AuditGrid(audit.platformEntries(500)));
        refresh();
    }

    private void refresh() {
        grid.setItems(accounts.localAccounts());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("platform.audit.title") + " – " + getTranslation("app.name");
    }
}
