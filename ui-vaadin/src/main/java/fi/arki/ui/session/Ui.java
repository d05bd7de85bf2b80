package fi.arki.ui.session;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import java.util.Objects;

/**
 * Changes that reach the browser only when they change something: a live view renders often, and
 * every change it makes is pushed to a phone.
 */
final class Ui {

    private Ui() {
    }

    static void text(HasText component, String text) {
        if (!Objects.equals(component.getText(), text)) {
            component.setText(text);
        }
    }

    static void visible(Component component, boolean visible) {
        if (component.isVisible() != visible) {
            component.setVisible(visible);
        }
    }

    static void attribute(Component component, String name, String value) {
        if (!Objects.equals(component.getElement().getAttribute(name), value)) {
            component.getElement().setAttribute(name, value);
        }
    }
}
