package fi.arki.ui.i18n;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Puts Vaadin's own component texts (ComponentTexts) into the user's language on every page: the
 * connection indicator, and every date picker, password field and menu toggle the page has when it
 * is shown. A component a view adds later (a form that appears on a live refresh) is localized by
 * the view with {@link ComponentTexts#localize}.
 */
@Component
class VaadinTextsInit implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            ui.addAfterNavigationListener(navigation -> {
                ComponentTexts.connection(ui, key -> ui.getTranslation(key));
                ComponentTexts.localize(ui);
            });
        });
    }
}
