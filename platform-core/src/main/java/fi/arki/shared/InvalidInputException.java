package fi.arki.shared;

import java.util.Arrays;
import java.util.List;

/**
 * Input a user gave that Arki cannot accept. It carries a message key (and its arguments) that
 * the UI translates, so every rejection reaches the user as a sentence in their own language.
 */
public class InvalidInputException extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    public InvalidInputException(String messageKey, Object... arguments) {
        super(messageKey + Arrays.toString(arguments));
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
