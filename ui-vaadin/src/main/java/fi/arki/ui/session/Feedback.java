package fi.arki.ui.session;

import fi.arki.shared.DatabaseOutage;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import fi.arki.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells the user, in their language, why something they did did not happen. */
final class Feedback {

    private static final Logger log = LoggerFactory.getLogger(Feedback.class);

    private Feedback() {
    }

    /** The sentence for a failure: the input's own message, or "could not save, try again". */
    static String message(Component context, RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            return context.getTranslation(invalid.messageKey(), invalid.arguments().toArray());
        }
        log.warn("A session action failed: {}", e.toString());
        return context.getTranslation(DatabaseOutage.isOutage(e) ? "session.error.unavailable" : "session.error.failed");
    }

    static void show(Component context, RuntimeException e) {
        Notification n = Notification.show(message(context, e), 6000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.setId("error-notification");
    }

    /** Runs an action; a failure becomes a message instead of an error page. */
    static boolean attempt(Component context, Runnable action) {
        try {
            action.run();
            return true;
        } catch (RuntimeException e) {
            show(context, e);
            return false;
        }
    }
}
