package fi.arki.ui.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import fi.arki.shared.InvalidInputException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs an administrator's action and tells how it went, in their language: a success notice, or
 * the reason it was refused on the field it concerns (what they typed stays where it was).
 */
final class Feedback {

    private Feedback() {
    }

    /** Runs the action; true if it succeeded (and the success text was shown). */
    static boolean run(Component view, String successKey, @Nullable HasValidation field, Runnable action) {
        return get(view, successKey, field, () -> {
            action.run();
            return Boolean.TRUE;
        }) != null;
    }

    /** Runs the action; its result if it succeeded, else null. */
    static <T> @Nullable T get(Component view, String successKey, @Nullable HasValidation field, Supplier<T> action) {
        if (field != null) {
            field.setInvalid(false);
        }
        try {
            T result = action.get();
            Notification ok = Notification.show(view.getTranslation(successKey), 4000, Notification.Position.BOTTOM_START);
            ok.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            return result;
        } catch (InvalidInputException e) {
            String message = view.getTranslation(e.messageKey(), e.arguments().toArray());
            if (field != null) {
                field.setErrorMessage(message);
                field.setInvalid(true);
            }
            Notification refused = Notification.show(message, 6000, Notification.Position.BOTTOM_START);
            refused.addThemeVariants(NotificationVariant.LUMO_ERROR);
            return null;
        }
    }
}
