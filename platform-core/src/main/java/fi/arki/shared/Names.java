package fi.arki.shared;

/** Checks shared by every name a user types: units, teams, people, tenants. */
public final class Names {

    public static final int MAX_LENGTH = 200;

    private Names() {
    }

    /** The trimmed name, or an {@link InvalidInputException} saying what is wrong with it. */
    public static String require(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("error.name.empty");
        }
        if (trimmed.length() > MAX_LENGTH) {
            throw new InvalidInputException("error.name.too-long", MAX_LENGTH);
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("error.name.control-characters");
        }
        return trimmed;
    }
}
