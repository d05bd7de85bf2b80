package fi.arki.ui.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import fi.arki.identity.Membership;
import fi.arki.ui.security.TenantSelection;
import java.util.List;

/** For accounts in several organisations: choose which one to act in. */
@Route("tenant")
@PermitAll
public class ChooseTenantView extends Main implements HasDynamicTitle {

    public ChooseTenantView(TenantSelection selection) {
        addClassName("arki-page");
        add(new H1(getTranslation("tenant.choose.title")));
        List<Membership> choices = selection.choices();
        if (choices.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("tenant.choose.none"));
            none.setId("no-tenant");
            add(none);
            return;
        }
        add(new Paragraph(getTranslation("tenant.choose.help")));
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        for (Membership m : choices) {
            Button choose = new Button(m.tenant().name(), e -> {
                selection.actIn(m.tenant().id());
                getUI().ifPresent(ui -> ui.getPage().setLocation("/"));
            });
            choose.setId("tenant-" + m.tenant().slug());
            choose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            list.add(choose);
        }
        add(list);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tenant.choose.title") + " – " + getTranslation("app.name");
    }
}
