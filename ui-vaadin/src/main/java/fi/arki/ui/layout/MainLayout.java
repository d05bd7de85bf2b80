package fi.arki.ui.layout;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Layout;
import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import fi.arki.identity.AccountManagement;
import fi.arki.identity.ActingUser;
import fi.arki.ui.admin.PasswordView;
import fi.arki.ui.admin.PlatformTenantsView;
import com.vaadin.flow.router.RouterLink;
import fi.arki.ui.i18n.LanguageSelect;
import fi.arki.ui.security.CurrentUser;
import fi.arki.ui.security.TenantSelection;
import fi.arki.ui.views.ChooseTenantView;

/**
 * The frame around every signed-in view: the tenant's name, navigation, language and sign-out.
 * A user who has not chosen a tenant yet is sent to choose one before anything else.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements BeforeEnterObserver {

    private final AccountManagement accounts;

    public MainLayout(AuthenticationContext authentication, TenantSelection selection, AccountManagement accounts) {
        this.accounts = accounts;
        ActingUser user = CurrentUser.require();
        setPrimarySection(Section.DRAWER);

        Span title = new Span(getTranslation("app.name"));
        title.addClassName("arki-title");
        Span tenant = new Span(user.tenantName() == null ? "" : user.tenantName());
        tenant.setId("tenant-name");
        tenant.addClassName("arki-tenant");
        Span who = new Span(user.displayName());
        who.setId("user-name");
        Button signOut = new Button(getTranslation("action.sign-out"), e -> authentication.logout());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div tools = new Div(who, new LanguageSelect(), signOut);
        if (!CurrentUser.singleSignOn()) {
            RouterLink password = new RouterLink(getTranslation("account.password.link"), PasswordView.class);
            password.setId("change-password");
            tools.addComponentAtIndex(1, password);
        }
        tools.addClassName("arki-tools");

        addToNavbar(new DrawerToggle(), tenant, tools);

        SideNav nav = new SideNav();
        nav.setLabel(getTranslation("nav.label"));
        // every view with @Menu(title = "<i18n key>") the user may open, in menu order
        MenuConfiguration.getMenuEntries().forEach(entry ->
                nav.addItem(new SideNavItem(getTranslation(entry.title()), entry.path())));
        if (selection.choices().size() > 1) {
            nav.addItem(new SideNavItem(getTranslation("nav.change-tenant"), ChooseTenantView.class));
        }
        addToDrawer(title, nav, fi.arki.ui.views.LoginView.accessibilityLink());
    }

    /**
     * A local user with a first password changes it before anything else. A user who has not
     * chosen a tenant chooses one, except a platform administrator, whose home is the platform.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ActingUser user = CurrentUser.get().orElse(null);
        Class<?> target = event.getNavigationTarget();
        if (user == null || target == PasswordView.class) {
            return;
        }
        if (!CurrentUser.singleSignOn() && accounts.passwordChangeRequired(user.account())) {
            event.forwardTo(PasswordView.class);
            return;
        }
        if (user.tenant() != null || target == ChooseTenantView.class) {
            return;
        }
        if (user.platformAdmin()) {
            if (!PlatformView.class.isAssignableFrom(target)) {
                event.forwardTo(PlatformTenantsView.class);
            }
            return;
        }
        event.forwardTo(ChooseTenantView.class);
    }
}
