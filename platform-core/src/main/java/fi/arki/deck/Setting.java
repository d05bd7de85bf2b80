package fi.arki.deck;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A deck setting an administrator can change per tenant, typed so that the admin UI can render
 * it; label and help text are {@code setting.<key>} and {@code setting.<key>.help} in the messages.
 */
public record Setting(String key, Type type, String defaultValue, @Nullable Integer min, @Nullable Integer max,
                      List<String> choices) {

    public Setting {
        choices = List.copyOf(choices);
    }

    public enum Type {
        BOOLEAN("boolean"), INTEGER("integer"), TEXT("text"), CHOICE("choice");

        private final String code;

        Type(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
