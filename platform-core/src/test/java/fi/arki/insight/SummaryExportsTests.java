package fi.arki.insight;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.insight.Summary.Row;
import fi.arki.insight.Summary.Section;
import fi.arki.insight.internal.ExportTexts;
import fi.arki.shared.Language;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;

/** T-30: what people wrote reaches every export as text, never as a formula or markup. */
class SummaryExportsTests {

    static final List<String> FORMULAS = List.of("=1+2", "@SUM(1;1)", "+1", "-1", "=HYPERLINK(\"http://x\",\"y\")", "\tTab first",
            "\rCR first");
    static final String NORMAL = "Palaute viikoittain, \"lainausmerkein\"";
    static final String MARKUP = "<b>bold</b> *star* _under_ [link](javascript:alert(1)) # not a heading <script>x</script>";

    final SummaryExports exports = new SummaryExports(new ExportTexts());

    static Summary summary(Language language, List<String> answers) {
        List<Row> rows = answers.stream().map(a -> new Row(a, null, null, null, null, "=Unit", null)).toList();
        return new Summary("Session", "Deck", "Org", language, Instant.parse("2026-12-01T10:00:00Z"), null, true, 3,
                List.of(new Section("@Card", "-Question", "prompt", rows, null)),
                List.of(new Summary.TargetLine("+Target", "=Owner", "1.1.2027", null)), List.of(), false);
    }

    @Test
    void csv_starts_with_the_bom_and_neutralises_every_cell_a_spreadsheet_would_run() throws Exception {
        List<String> answers = new java.util.ArrayList<>(FORMULAS);
        answers.add(NORMAL);
        byte[] bytes = exports.csv(summary(Language.FI, answers));

        String text = new String(bytes, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
        List<CSVRecord> records = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
        for (CSVRecord r : records) {
            for (String cell : r) {
                assertThat(cell).as("a cell a spreadsheet would read as a formula").doesNotStartWith("=").doesNotStartWith("+")
                        .doesNotStartWith("-").doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
            }
        }
        List<String> expected = new java.util.ArrayList<>(FORMULAS.stream().map(f -> "'" + f).toList());
        expected.add(NORMAL); // a normal answer unchanged
        assertThat(records.stream().filter(r -> r.get(0).equals("'@Card")).map(r -> r.get(3)).toList()).containsExactlyElementsOf(expected);
        // every cell quoted, as OWASP recommends, so no spreadsheet splits or reinterprets one
        assertThat(text).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", "\"'=1+2\"", "\"'-Question\"", "\"'=Unit\"",
                "\"'+Target\"", "\"'=Owner\"");
        assertThat(Arrays.copyOf(bytes, 3)).as("UTF-8 byte order mark at byte 0").containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(text).as("no second byte order mark").doesNotContain("\uFEFF");
    }

    @Test
    void csv_kinds_and_headers_are_in_the_readers_language() throws Exception {
        for (Language language : Language.values()) {
            String text = new String(exports.csv(summary(language, List.of(NORMAL))), StandardCharsets.UTF_8).substring(1);
            List<CSVRecord> records = CSVFormat.EXCEL.parse(new StringReader(text)).getRecords();
            String question = switch (language) {
                case FI -> "Kysymys";
                case SV -> "Fråga";
                case EN -> "Question";
            };
            String targets = switch (language) {
                case FI -> "Kehittämiskohteet";
                case SV -> "Utvecklingsmål";
                case EN -> "Development targets";
            };
            assertThat(records.get(0).get(2)).as(language + " kind header").isEqualTo(switch (language) {
                case FI -> "Laji";
                case SV -> "Typ";
                case EN -> "Kind";
            });
            assertThat(records).extracting(r -> r.get(2)).as(language + " kinds").containsExactly(records.get(0).get(2), question, targets);
            assertThat(text).doesNotContain("prompt", "commit-targets");
        }
    }

    @Test
    void markdown_shows_markup_as_text() {
        String markdown = new String(exports.markdown(summary(Language.EN, List.of(MARKUP))), StandardCharsets.UTF_8);
        String html = HtmlRenderer.builder().build().render(Parser.builder().build().parse(markdown));

        assertThat(html).doesNotContain("<b>", "<script>", "<em>", "<a ", "<strong>").contains("&lt;b&gt;bold&lt;/b&gt; *star* _under_");
        assertThat(html).contains("Deck: Deck · Held: 1.12.2026 12:00 · Participants: 3 · Anonymous");
    }

    @Test
    void powerpoint_holds_the_answer_as_plain_text() throws Exception {
        try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(exports.pptx(summary(Language.SV, List.of(MARKUP)))))) {
            List<String> texts = show.getSlides().stream().flatMap(s -> s.getShapes().stream())
                    .filter(XSLFTextShape.class::isInstance).map(s -> ((XSLFTextShape) s).getText()).toList();
            assertThat(texts).anySatisfy(t -> assertThat(t).contains(MARKUP));
            assertThat(texts).anySatisfy(t -> assertThat(t).contains("Kortlek: Deck · Hållen: 1.12.2026 12:00 · Deltagare: 3 · Anonym"));
        }
    }

    @Test
    void the_pdf_shows_emoji_it_cannot_draw_by_name_instead_of_dropping_them() throws Exception {
        String answer = "Hyvä palaute 👍🏽 ja Suomi 🇫🇮 kiittää";
        byte[] pdf = exports.pdf(summary(Language.FI, List.of(answer)));

        String text = pdfText(pdf).replaceAll("\\s+", " "); // a table cell wraps its lines
        assertThat(text).contains("Hyvä palaute", "[thumbs up sign, skin tone 4]", "[flag FI]", "kiittää");
    }

    @Test
    void file_names_carry_the_title_and_the_day_in_characters_every_file_system_takes() {
        Summary s = new Summary("Kompetens: Vad lär vi oss? / \"test\" <1>", "Deck", "Org", Language.SV,
                Instant.parse("2026-12-01T23:30:00Z"), null, true, 3, List.of(), List.of(), List.of(), false);
        // the day in Helsinki, where the session was held (23:30 UTC is already 2 December there)
        assertThat(exports.fileName(s, "pdf")).isEqualTo("Kompetens-Vad-lär-vi-oss-test-1-2026-12-02.pdf");
        Summary symbols = new Summary("👍 ***", "Deck", "Org", Language.FI, Instant.parse("2026-12-01T10:00:00Z"), null, true, 3,
                List.of(), List.of(), List.of(), false);
        assertThat(exports.fileName(symbols, "csv")).isEqualTo("arki-2026-12-01.csv");
        Summary longTitle = new Summary("a".repeat(150), "Deck", "Org", Language.FI, Instant.parse("2026-12-01T10:00:00Z"), null,
                true, 3, List.of(), List.of(), List.of(), false);
        assertThat(exports.fileName(longTitle, "md")).hasSize(80 + "-2026-12-01.md".length());
    }

    static String pdfText(byte[] pdf) throws Exception {
        var reader = new org.openpdf.text.pdf.PdfReader(pdf);
        try {
            var extractor = new org.openpdf.text.pdf.parser.PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }
}
