package fi.arki.shared;

import org.jspecify.annotations.Nullable;

/**
 * A tenant's name as deck texts use it. Finnish inflects: the thesis asks "…ELY-keskuksesta?"
 * (elative) and "…ELY-keskuksessa?" (inessive), so decks write {@code {organisation}},
 * {@code {organisation:inessive}} and {@code {organisation:elative}}, and a tenant may set its
 * Finnish forms. Without them the Finnish text falls back to a neutral phrase; Swedish and
 * English use the name as it is.
 */
public record OrganisationName(String name, @Nullable String finnishInessive, @Nullable String finnishElative) {

    public static OrganisationName of(String name) {
        return new OrganisationName(name, null, null);
    }

    /** Replaces the organisation placeholders in a deck text. */
    public String fill(String text, Language language) {
        if (text.indexOf('{') < 0) {
            return text;
        }
        String inessive = language == Language.FI
                ? (finnishInessive != null ? finnishInessive : "organisaatiossamme") : name;
        String elative = language == Language.FI
                ? (finnishElative != null ? finnishElative : "organisaatiostamme") : name;
        return text.replace("{organisation:inessive}", inessive)
                .replace("{organisation:elative}", elative)
                .replace("{organisation}", name);
    }
}
