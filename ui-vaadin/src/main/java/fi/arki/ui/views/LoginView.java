package fi.arki.ui.views;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.component.html.Anchor;
import fi.arki.ui.i18n.LanguageSelect;
import org.springframework.core.env.Environment;

/**
 * Sign-in with a local account (the embedded default and small self-hosted installs); with single
 * sign-on, the page that leads to the organisation's sign-in and where sign-out lands.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm login = new LoginForm();
    private final Paragraph notice = new Paragraph();

    public LoginView(Environment environment) {
        addClassName("arki-login");
        Div brand = new Div(new H1(getTranslation("app.name")), new Paragraph(getTranslation("app.tagline")));
        brand.addClassName("arki-brand");

        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form form = i18n.getForm();
        form.setTitle(getTranslation("login.title"));
        form.setUsername(getTranslation("login.username"));
        form.setPassword(getTranslation("login.password"));
        form.setSubmit(getTranslation("login.submit"));
        form.setForgotPassword(getTranslation("login.forgot"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(getTranslation("login.error.message"));
        error.setUsername(getTranslation("login.error.username"));
        error.setPassword(getTranslation("login.error.password"));
        login.setI18n(i18n);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        login.setId("login-form");

        notice.setId("login-notice");
        notice.setVisible(false);
        notice.getElement().setAttribute("role", "status");

        if ("keycloak".equals(environment.getProperty("arki.login.mode"))) {
            // single sign-on: the organisation's sign-in service has the form; this page is where sign-out lands
            Anchor sso = new Anchor("/oauth2/authorization/keycloak", getTranslation("login.sso.button"));
            sso.setRouterIgnore(true);
            sso.setId("sign-in-sso");
            sso.addClassName("arki-sso-button");
            add(new LanguageSelect(), brand, new Paragraph(getTranslation("login.sso.help")), sso, notice);
        } else {
            add(new LanguageSelect(), brand, login, notice);
        }
        add(accessibilityLink());
    }

    /** Everyone, signed in or not, finds the accessibility statement (Act 306/2019). */
    public static Anchor accessibilityLink() {
        Anchor statement = new Anchor("accessibility", com.vaadin.flow.i18n.I18NProvider.translate("accessibility.link"));
        statement.setId("accessibility-link");
        statement.addClassName("arki-footer-link");
        return statement;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        login.setError(parameters.containsKey("error"));
        if (parameters.containsKey("logout")) {
            notice.setText(getTranslation("login.signed-out"));
            notice.setVisible(true);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " – " + getTranslation("app.name");
    }
}
