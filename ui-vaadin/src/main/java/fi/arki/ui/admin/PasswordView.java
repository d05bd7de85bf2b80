package fi.arki.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import fi.arki.identity.AccountManagement;
import fi.arki.ui.security.CurrentUser;
import jakarta.annotation.security.PermitAll;

/** A local user changes their password (and must, after an administrator has set a first one). */
@Route("account/password")
@PermitAll
public class PasswordView extends Main implements HasDynamicTitle {

    public PasswordView(AccountManagement accounts) {
        addClassName("arki-page");
        add(new H1(getTranslation("account.password.title")));
        boolean required = CurrentUser.get().map(u -> accounts.passwordChangeRequired(u.account())).orElse(false);
        if (CurrentUser.singleSignOn()) {
            Paragraph sso = new Paragraph(getTranslation("account.password.sso"));
            sso.setId("password-sso");
            add(sso);
            return;
        }
        if (required) {
            Paragraph must = new Paragraph(getTranslation("account.password.required"));
            must.setId("password-required");
            must.getElement().setAttribute("role", "status");
            add(must);
        }
        PasswordField current = new PasswordField(getTranslation("account.password.current"));
        current.setId("current-password");
        current.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.CURRENT_PASSWORD);
        PasswordField next = new PasswordField(getTranslation("account.password.new"));
        next.setId("new-password");
        next.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        next.setHelperText(getTranslation("account.password.rule"));
        PasswordField again = new PasswordField(getTranslation("account.password.again"));
        again.setId("new-password-again");
        again.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        Button save = new Button(getTranslation("account.password.save"), e -> {
            again.setInvalid(false);
            if (!next.getValue().equals(again.getValue())) {
                again.setErrorMessage(getTranslation("account.password.mismatch"));
                again.setInvalid(true);
                return;
            }
            current.setInvalid(false);
            boolean ok = Feedback.run(this, "account.password.saved", next, () -> {
                try {
                    accounts.changeOwnPassword(current.getValue(), next.getValue());
                } catch (fi.arki.shared.InvalidInputException wrongCurrent) {
                    if (wrongCurrent.messageKey().equals("error.account.current-password-wrong")) {
                        current.setErrorMessage(getTranslation(wrongCurrent.messageKey()));
                        current.setInvalid(true);
                    }
                    throw wrongCurrent;
                }
            });
            if (ok) {
                current.clear();
                next.clear();
                again.clear();
                if (required) {
                    getUI().ifPresent(ui -> ui.getPage().setLocation("/"));
                }
            }
        });
        save.setId("save-password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(current, next, again);
        form.setMaxWidth("30em");
        add(form, save);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.password.title") + " – " + getTranslation("app.name");
    }
}
