package fi.arki.deck.internal;

import fi.arki.deck.DeckProblem;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a deck text may be: plain text (no markup, no script links, no control characters), with
 * only the organisation placeholders. The UI renders deck texts as text anyway; a deck that tries
 * otherwise is refused so that its author finds out at once, not a participant later.
 */
final class PlainText {

    static final int MAX_LENGTH = 5000;
    static final Set<String> PLACEHOLDERS = Set.of("{organisation}", "{organisation:inessive}", "{organisation:elative}");

    /** A tag or the start of one ({@code <b>}, {@code </p>}, {@code <!--}, {@code <?xml}), or a named entity ({@code &amp;}). */
    private static final Pattern MARKUP = Pattern.compile("<\\s*[A-Za-z!/?]|&[A-Za-z][A-Za-z0-9]*;");
    /** Script-capable URL schemes, also when written with spaces or entities in between. */
    private static final Pattern SCRIPT_SCHEME = Pattern.compile("(java|vb)\\s*script\\s*:|data\\s*:\\s*text/html|&#", Pattern.CASE_INSENSITIVE);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^{}]*}");

    private PlainText() {
    }

    static void check(String where, String text, Consumer<DeckProblem> problems) {
        if (text.length() > MAX_LENGTH) {
            problems.accept(DeckProblem.of("deck.problem.text-too-long", where, MAX_LENGTH));
        }
        if (MARKUP.matcher(text).find()) {
            problems.accept(DeckProblem.of("deck.problem.text-html", where));
        }
        if (SCRIPT_SCHEME.matcher(text).find()) {
            problems.accept(DeckProblem.of("deck.problem.text-script", where));
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            problems.accept(DeckProblem.of("deck.problem.text-control", where));
        }
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group())) {
                problems.accept(DeckProblem.of("deck.problem.text-placeholder", where, m.group()));
            }
        }
        // what is left of a brace after the placeholders would show as such once the name is filled in
        String rest = PLACEHOLDER.matcher(text).replaceAll("");
        if (rest.indexOf('{') >= 0 || rest.indexOf('}') >= 0) {
            problems.accept(DeckProblem.of("deck.problem.text-brace", where));
        }
    }

    /**
     * The inflected forms are Finnish cases; Swedish and English use the name as it is, so a form
     * in their texts is a translation that copied Finnish grammar.
     */
    static void checkNoFinnishForms(String where, String text, Consumer<DeckProblem> problems) {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (PLACEHOLDERS.contains(m.group()) && !m.group().equals("{organisation}")) {
                problems.accept(DeckProblem.of("deck.problem.text-placeholder-finnish", where, m.group()));
            }
        }
    }

    /** Only absolute http(s) links with a host; anything else (javascript:, data:, file:) is refused. */
    static boolean safeUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isBlank()
                    && uri.getUserInfo() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    static List<String> placeholders() {
        return PLACEHOLDERS.stream().sorted().toList();
    }
}
