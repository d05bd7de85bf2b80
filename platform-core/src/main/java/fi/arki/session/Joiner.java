package fi.arki.session;

import fi.arki.directory.PersonId;
import fi.arki.directory.UnitId;
import fi.arki.shared.Language;
import org.jspecify.annotations.Nullable;

/**
 * Who joins: a signed-in member of the session's tenant, or a guest (where the tenant allows
 * guests). {@code name} is asked of guests in named sessions only; {@code unit} says which unit
 * a guest speaks for in a session shared across units.
 */
public record Joiner(@Nullable PersonId member, @Nullable String name, @Nullable UnitId unit, Language language) {

    public static Joiner member(PersonId person, String displayName, Language language) {
        return new Joiner(person, displayName, null, language);
    }

    public static Joiner guest(@Nullable String name, @Nullable UnitId unit, Language language) {
        return new Joiner(null, name, unit, language);
    }

    public boolean guest() {
        return member == null;
    }
}
