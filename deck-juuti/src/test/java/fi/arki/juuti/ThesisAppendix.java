package fi.arki.juuti;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The question set of the thesis's appendix 1, read from the copy of the PDF text in
 * {@code thesis-appendix-1.txt}. The PDF text layer wraps lines anywhere (mid-word with a hyphen,
 * "ELY-keskuk-" / "sesta?"), puts a blank line after each line and a space before a page's first
 * line; this undoes exactly that and nothing else.
 *
 * <p>Within the question set a line is a numbered question ("2. …"), the one unnumbered question
 * that opens a section ("Kerro joku onnistuminen …"), the rest of a question wrapped onto the next
 * line, or a heading (no sentence punctuation). It starts at the heading "Osaaminen" and ends
 * where the closing paragraph ("Lopuksi tiimiä haastetaan …") begins.
 */
final class ThesisAppendix {

    /** One question: its section heading, its number there (0 for an unnumbered opener) and its text. */
    record Question(String section, int number, String text) {

        String label() {
            return section + " " + number;
        }
    }

    private static final Pattern NUMBERED = Pattern.compile("(\\d+)\\.\\s+(.*)");

    private ThesisAppendix() {
    }

    static List<Question> questions() {
        List<Question> questions = new ArrayList<>();
        String section = null;
        String number = null;
        StringBuilder text = null;
        boolean inQuestionSet = false;
        for (String raw : lines()) {
            String line = raw.strip();
            if (line.isEmpty() || raw.startsWith("#")) {
                continue;
            }
            if (!inQuestionSet) {
                inQuestionSet = line.equals("Osaaminen");
                section = line;
                continue;
            }
            if (line.startsWith("Lopuksi")) {
                break;
            }
            Matcher numbered = NUMBERED.matcher(line);
            if (numbered.matches()) {
                add(questions, section, number, text);
                number = numbered.group(1);
                text = new StringBuilder(numbered.group(2).strip());
            } else if (text != null && (endsWithHyphenation(text) || isSentence(line))) {
                if (endsWithHyphenation(text)) {
                    text.setLength(text.length() - 1);
                } else {
                    text.append(' ');
                }
                text.append(line);
            } else if (text == null && isSentence(line)) {
                number = "0";
                text = new StringBuilder(line);
            } else {
                add(questions, section, number, text);
                section = line;
                number = null;
                text = null;
            }
        }
        add(questions, section, number, text);
        return questions;
    }

    /** Whitespace as a reader sees it: runs of any whitespace are one space, none at the ends. */
    static String normalize(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static void add(List<Question> questions, String section, String number, StringBuilder text) {
        if (text != null) {
            questions.add(new Question(Objects.requireNonNull(section), Integer.parseInt(number), normalize(text.toString())));
        }
    }

    /** A word broken across lines by the PDF: "keskuk-" then "sesta?". */
    private static boolean endsWithHyphenation(CharSequence text) {
        int last = text.length() - 1;
        return last > 0 && text.charAt(last) == '-' && Character.isLetter(text.charAt(last - 1));
    }

    private static boolean isSentence(String line) {
        return line.matches(".*[?.!:].*");
    }

    private static List<String> lines() {
        try (InputStream in = Objects.requireNonNull(ThesisAppendix.class.getResourceAsStream("/thesis-appendix-1.txt"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
