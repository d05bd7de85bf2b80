package fi.arki.insight.internal;

import java.util.Locale;
import org.openpdf.text.Font;
import org.openpdf.text.pdf.BaseFont;

/**
 * Text for a PDF font that lacks some of its characters. OpenPDF embeds outline fonts only, and
 * the fonts we can ship or find (DejaVu) have no emoji, so a 👍🏽 or 🇫🇮 in an answer would vanish
 * without a trace and change what people wrote. Instead every character the font cannot draw is
 * replaced visibly by its Unicode name in brackets ("[thumbs up sign, skin tone 4]", "[flag FI]"):
 * the reader sees that something was there and what it was.
 */
public final class PdfText {

    private static final int ZWJ = 0x200D;
    private static final int REGIONAL_A = 0x1F1E6;
    private static final int REGIONAL_Z = 0x1F1FF;

    private PdfText() {
    }

    public static String printable(String text, Font font) {
        BaseFont base = font.getCalculatedBaseFont(false);
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder names = new StringBuilder(); // one emoji sequence's names, joined by ", "
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (cp == '\n' || cp == '\r' || cp == '\t' || cp == ' ' || base.charExists(cp)) {
                flush(names, out);
                out.appendCodePoint(cp);
            } else if (isRegional(cp) && next < text.length() && isRegional(text.codePointAt(next))) {
                int second = text.codePointAt(next);
                add(names, "flag " + (char) ('A' + cp - REGIONAL_A) + (char) ('A' + second - REGIONAL_A));
                next += Character.charCount(second);
            } else if (cp == ZWJ || Character.getType(cp) == Character.NON_SPACING_MARK
                    || (cp >= 0xFE00 && cp <= 0xFE0F)) {
                // joiners and variation selectors only shape the emoji around them
            } else if (cp >= 0x1F3FB && cp <= 0x1F3FF) {
                add(names, "skin tone " + (cp - 0x1F3FB + 2));
            } else {
                String name = Character.getName(cp);
                add(names, name == null ? String.format("U+%04X", cp) : name.toLowerCase(Locale.ROOT));
            }
            i = next;
        }
        flush(names, out);
        return out.toString();
    }

    private static boolean isRegional(int cp) {
        return cp >= REGIONAL_A && cp <= REGIONAL_Z;
    }

    private static void add(StringBuilder names, String name) {
        names.append(names.isEmpty() ? "" : ", ").append(name);
    }

    private static void flush(StringBuilder names, StringBuilder out) {
        if (!names.isEmpty()) {
            out.append('[').append(names).append(']');
            names.setLength(0);
        }
    }
}
