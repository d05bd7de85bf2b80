package fi.arki.session;

import fi.arki.directory.PersonId;
import fi.arki.directory.TeamId;
import fi.arki.directory.UnitId;
import fi.arki.shared.Language;
import org.jspecify.annotations.Nullable;

/**
 * Who joins: a signed-in member of the session's tenant, or a guest (where the tenant allows
 * guests). {@code name} is asked of guests in named sessions only; {@code unit} says which unit
 * a guest speaks for in a session shared across units; {@code team} which of the session's teams
 * the joiner speaks for where the deck attributes answers to teams ({@link JoinInfo#teams()}).
 */
public record Joiner(@Nullable PersonId member, @Nullable String name, @Nullable UnitId unit, @Nullable TeamId team,
                     Language language) {

    public static Joiner member(PersonId person, String displayName, Language language) {
        return new Joiner(person, displayName, null, null, language);
    }

    public static Joiner guest(@Nullable String name, @Nullable UnitId unit, Language language) {
        return new Joiner(null, name, unit, null, language);
    }

    /** The same joiner speaking for this team (null: none chosen). */
    public Joiner withTeam(@Nullable TeamId chosen) {
        return new Joiner(member, name, unit, chosen, language);
    }

    public boolean guest() {
        return member == null;
    }
}
