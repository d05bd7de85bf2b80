package fi.arki.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's name as deck texts use it. Finnish inflects: the thesis asks "…ELY-keskuksesta?"
 * (elative) and "…ELY-keskuksessa?" (inessive), so decks write {@code {organisation}},
 * {@code {organisation:inessive}} and {@code {organisation:elative}}, and a tenant may set its
 * Finnish forms. Without them the Finnish text falls back to a neutral phrase; Swedish and
 * English use the name as it is.
 */
public record OrganisationName(String name, @Nullable String finnishInessive, @Nullable String finnishElative) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{organisation(?::(inessive|elative))?}");

    public static OrganisationName of(String name) {
        return new OrganisationName(name, null, null);
    }

    /**
     * Replaces the organisation placeholders in a deck text. A fallback phrase that begins a
     * sentence ("…vastuualueilta? {organisation:elative}?") gets its capital letter; the tenant's
     * own name and forms are used exactly as the tenant wrote them.
     */
    public String fill(String text, Language language) {
        if (text.indexOf('{') < 0) {
            return text;
        }
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder(text.length() + 32);
        while (placeholder.find()) {
            String replacement = replacement(placeholder.group(1), language);
            if (replacement == null) {
                replacement = fallback(placeholder.group(1));
                if (beginsSentence(text, placeholder.start())) {
                    replacement = Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1);
                }
            }
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(replacement));
        }
        return placeholder.appendTail(filled).toString();
    }

    /** The name or the tenant's own Finnish form; null where Finnish needs a form the tenant has not set. */
    private @Nullable String replacement(@Nullable String form, Language language) {
        if (form == null || language != Language.FI) {
            return name;
        }
        return form.equals("inessive") ? finnishInessive : finnishElative;
    }

    private static String fallback(String form) {
        return form.equals("inessive") ? "organisaatiossamme" : "organisaatiostamme";
    }

    private static boolean beginsSentence(String text, int index) {
        int i = index - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i < 0 || ".?!".indexOf(text.charAt(i)) >= 0;
    }
}
