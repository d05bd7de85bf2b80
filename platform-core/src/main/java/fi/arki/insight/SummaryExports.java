package fi.arki.insight;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import fi.arki.deck.ActivityKind;
import fi.arki.insight.Summary.Row;
import fi.arki.insight.Summary.Section;
import fi.arki.shared.Language;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BulletList;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.renderer.markdown.MarkdownRenderer;
import fi.arki.insight.internal.ExportTexts;
import fi.arki.insight.internal.PdfText;
import org.springframework.stereotype.Component;

/**
 * A summary as PDF (OpenPDF), PowerPoint (Apache POI), CSV (Commons CSV) and Markdown (commonmark's
 * renderer, which escapes what people wrote). Every export holds exactly the summary's texts.
 */
@Component
// Long on purpose for now (~390 lines): the four export formats (PDF, PowerPoint, CSV, Markdown) side by side so they stay consistent;
// the next split is one class per format behind this facade.
public class SummaryExports {

    private final ExportTexts texts;

    SummaryExports(ExportTexts texts) {
        this.texts = texts;
    }

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d.M.yyyy HH:mm").withZone(ZoneId.of("Europe/Helsinki"));

    static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("Europe/Helsinki"));

    /**
     * The name a download of this summary is saved under: the session's title (in the summary's
     * language) and the day it was held, e.g. {@code Juutin-kuusi-ulottuvuutta-2026-12-01.pdf}. Letters
     * and digits of any script stay (the browser gets them through RFC 5987's {@code filename*});
     * everything else a file system or a shell could trip on becomes one hyphen.
     */
    public String fileName(Summary s, String extension) {
        String title = java.text.Normalizer.normalize(s.title(), java.text.Normalizer.Form.NFC).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
        if (title.length() > 80) {
            title = title.substring(0, 80).replaceAll("-+$", "");
        }
        return (title.isEmpty() ? "arki" : title) + "-" + FILE_DATE.format(s.started()) + "." + extension;
    }

    private String t(Summary s, String key, Object... args) {
        return texts.text(s.language(), key, args);
    }

    private String header(Summary s) {
        return t(s, "deck") + ": " + s.deckTitle() + " · " + t(s, "held") + ": " + WHEN.format(s.started())
                + " · " + t(s, "participants") + ": " + s.participants()
                + " · " + t(s, s.anonymous() ? "mode.anonymous" : "mode.named");
    }

    /** The columns of a row that say something beyond the text. */
    private String details(Summary s, Row r) {
        List<String> parts = new ArrayList<>();
        if (r.lane() != null) parts.add(r.lane());
        if (r.group() != null && !r.group().equals(r.text())) parts.add(t(s, "group") + ": " + r.group());
        if (r.votes() != null) parts.add(t(s, "votes") + ": " + r.votes());
        if (r.author() != null) parts.add(r.author());
        if (r.unit() != null) parts.add(r.unit());
        return String.join(" · ", parts);
    }

    // ---- PDF -------------------------------------------------------------------------------

    public byte[] pdf(Summary s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        PdfWriter.getInstance(document, out);
        document.addTitle(s.title());
        document.open();
        // DejaVu (Debian's fonts-dejavu-core) where present covers Finnish and Swedish letters and more;
        // OpenPDF's built-in Helvetica (Latin-1) otherwise, which still covers å, ä and ö
        Font title = font(18, Font.BOLD);
        Font heading = font(13, Font.BOLD);
        Font body = font(10, Font.NORMAL);
        Font small = font(8, Font.ITALIC);
        document.add(new Paragraph(PdfText.printable(s.title(), title), title));
        document.add(new Paragraph(PdfText.printable(s.organisation() + " · " + header(s), small), small));
        String lastCard = null;
        for (Section section : s.sections()) {
            if (!section.card().equals(lastCard)) {
                Paragraph card = new Paragraph(PdfText.printable(section.card(), heading), heading);
                card.setSpacingBefore(12);
                document.add(card);
                lastCard = section.card();
            }
            Paragraph q = new Paragraph(PdfText.printable(section.heading(), font(10, Font.BOLD)), font(10, Font.BOLD));
            q.setSpacingBefore(6);
            document.add(q);
            if (section.note() != null) {
                document.add(new Paragraph(PdfText.printable(section.note(), small), small));
            }
            if (!section.rows().isEmpty()) {
                PdfPTable table = new PdfPTable(new float[]{3, 2});
                table.setWidthPercentage(100);
                table.setSpacingBefore(4);
                for (Row r : section.rows()) {
                    table.addCell(new org.openpdf.text.Phrase(PdfText.printable(r.text(), body), body));
                    table.addCell(new org.openpdf.text.Phrase(PdfText.printable(details(s, r), small), small));
                }
                document.add(table);
            }
        }
        if (!s.targets().isEmpty()) {
            Paragraph h = new Paragraph(PdfText.printable(t(s, "targets"), heading), heading);
            h.setSpacingBefore(12);
            document.add(h);
            for (Summary.TargetLine target : s.targets()) {
                document.add(new Paragraph(PdfText.printable(target.title(), font(10, Font.BOLD)), font(10, Font.BOLD)));
                document.add(new Paragraph(PdfText.printable(targetDetails(s, target), body), body));
            }
        }
        if (!s.reviews().isEmpty()) {
            Paragraph h = new Paragraph(PdfText.printable(t(s, "reviews"), heading), heading);
            h.setSpacingBefore(12);
            document.add(h);
            for (Summary.ReviewLine review : s.reviews()) {
                document.add(new Paragraph(PdfText.printable(review.title() + " – " + review.outcome()
                        + (review.note() == null ? "" : ": " + review.note()), body), body));
            }
        }
        document.close();
        return out.toByteArray();
    }

    private String targetDetails(Summary s, Summary.TargetLine target) {
        return t(s, "owner") + ": " + target.owner() + " · " + t(s, "due") + ": " + target.due()
                + (target.dimension() == null ? "" : " · " + t(s, "dimension") + ": " + target.dimension());
    }

    private static final String DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    private static final String DEJAVU_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

    static Font font(float size, int style) {
        String file = style == Font.BOLD ? DEJAVU_BOLD : DEJAVU;
        if (new java.io.File(file).canRead()) {
            try {
                org.openpdf.text.pdf.BaseFont base = org.openpdf.text.pdf.BaseFont.createFont(file,
                        org.openpdf.text.pdf.BaseFont.IDENTITY_H, org.openpdf.text.pdf.BaseFont.EMBEDDED);
                return new Font(base, size, style == Font.BOLD ? Font.NORMAL : style);
            } catch (IOException | RuntimeException e) {
                // fall back to the built-in font
            }
        }
        return FontFactory.getFont(FontFactory.HELVETICA, "Cp1252", size, style);
    }

    // ---- PowerPoint ------------------------------------------------------------------------

    public byte[] pptx(Summary s) {
        try (XMLSlideShow show = new XMLSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            show.setPageSize(new java.awt.Dimension(960, 540));
            slide(show, s.title(), List.of(s.organisation(), header(s)));
            for (Section section : s.sections()) {
                List<String> lines = new ArrayList<>();
                if (section.note() != null) {
                    lines.add(section.note());
                }
                for (Row r : section.rows()) {
                    String d = details(s, r);
                    lines.add(d.isEmpty() ? r.text() : r.text() + " (" + d + ")");
                }
                // a slide per dozen lines, as the thesis's blank answer slides were
                for (int from = 0; from < Math.max(1, lines.size()); from += 12) {
                    slide(show, section.card() + ": " + section.heading(), lines.subList(Math.min(from, lines.size()),
                            Math.min(from + 12, lines.size())));
                }
            }
            if (!s.targets().isEmpty()) {
                List<String> lines = new ArrayList<>();
                s.targets().forEach(target -> {
                    lines.add(target.title());
                    lines.add("  " + targetDetails(s, target));
                });
                slide(show, t(s, "targets"), lines);
            }
            if (!s.reviews().isEmpty()) {
                slide(show, t(s, "reviews"), s.reviews().stream().map(r -> r.title() + " – " + r.outcome()
                        + (r.note() == null ? "" : ": " + r.note())).toList());
            }
            show.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void slide(XMLSlideShow show, String title, List<String> lines) {
        XSLFSlide slide = show.createSlide();
        XSLFTextBox heading = slide.createTextBox();
        heading.setAnchor(new Rectangle(40, 24, 880, 70));
        XSLFTextRun run = heading.addNewTextParagraph().addNewTextRun();
        run.setText(title);
        run.setFontSize(26.0);
        run.setBold(true);
        XSLFTextBox body = slide.createTextBox();
        body.setAnchor(new Rectangle(40, 100, 880, 410));
        for (String line : lines) {
            XSLFTextParagraph p = body.addNewTextParagraph();
            p.setBullet(!line.startsWith("  "));
            XSLFTextRun r = p.addNewTextRun();
            r.setText(line.strip());
            r.setFontSize(16.0);
        }
    }

    // ---- CSV -------------------------------------------------------------------------------

    /**
     * One line per answer, rating figure, touchpoint and target, with a header line; UTF-8 with its
     * byte order mark first, so spreadsheets read it as UTF-8. Every cell is quoted, and one that a
     * spreadsheet would run as a formula (it starts with {@code = + - @}, a tab or a carriage
     * return) gets a leading apostrophe, as OWASP's "CSV injection" advice says: people's answers
     * are shown as text, never evaluated.
     */
    public byte[] csv(Summary s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            writer.write('\uFEFF');
            try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setQuoteMode(QuoteMode.ALL).get())) {
                record(csv, t(s, "card"), t(s, "activity"), t(s, "kind"), t(s, "text"), t(s, "lane"), t(s, "group"),
                        t(s, "votes"), t(s, "author"), t(s, s.byTeam() ? "team" : "unit"), t(s, "owner"), t(s, "due"), t(s, "dimension"));
                for (Section section : s.sections()) {
                    String kind = kind(s, section.kind());
                    if (section.note() != null && section.rows().isEmpty()) {
                        record(csv, section.card(), section.heading(), kind, section.note(), "", "", "", "", "", "", "", "");
                    }
                    for (Row r : section.rows()) {
                        record(csv, section.card(), section.heading(), kind, r.text(), nz(r.lane()), nz(r.group()),
                                r.votes() == null ? "" : r.votes().toString(), nz(r.author()), nz(r.unit()), "", "", "");
                    }
                }
                for (Summary.TargetLine target : s.targets()) {
                    record(csv, t(s, "targets"), "", kind(s, ActivityKind.COMMIT_TARGETS.code()), target.title(), "", "", "", "", "",
                            target.owner(), target.due(), nz(target.dimension()));
                }
                for (Summary.ReviewLine review : s.reviews()) {
                    record(csv, t(s, "reviews"), review.outcome(), kind(s, ActivityKind.REVIEW_TARGETS.code()), review.title(), "", "", "",
                            "", "", "", "", nz(review.note()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An activity kind's name in the summary's language (its code where the deck names a kind we have no word for). */
    private String kind(Summary s, String code) {
        return ActivityKind.ofCode(code).map(k -> t(s, "kind." + k.code())).orElse(code);
    }

    private static void record(CSVPrinter csv, String... cells) throws IOException {
        csv.printRecord(Arrays.stream(cells).map(SummaryExports::neutralised).toArray());
    }

    /** A cell a spreadsheet would evaluate, made text with a leading apostrophe (OWASP, CSV injection). */
    static String neutralised(String cell) {
        return !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private static String nz(String text) {
        return text == null ? "" : text;
    }

    // ---- Markdown --------------------------------------------------------------------------

    public byte[] markdown(Summary s) {
        org.commonmark.node.Document doc = new org.commonmark.node.Document();
        doc.appendChild(heading(1, s.title()));
        doc.appendChild(paragraph(s.organisation() + " · " + header(s)));
        String lastCard = null;
        for (Section section : s.sections()) {
            if (!section.card().equals(lastCard)) {
                doc.appendChild(heading(2, section.card()));
                lastCard = section.card();
            }
            doc.appendChild(heading(3, section.heading()));
            if (section.note() != null) {
                doc.appendChild(paragraph(section.note()));
            }
            if (!section.rows().isEmpty()) {
                BulletList list = new BulletList();
                for (Row r : section.rows()) {
                    String d = details(s, r);
                    list.appendChild(item(d.isEmpty() ? r.text() : r.text() + " (" + d + ")"));
                }
                doc.appendChild(list);
            }
        }
        if (!s.targets().isEmpty()) {
            doc.appendChild(heading(2, t(s, "targets")));
            TableBlock table = new TableBlock();
            TableHead head = new TableHead();
            head.appendChild(row(true, t(s, "targets"), t(s, "owner"), t(s, "due"), t(s, "dimension")));
            table.appendChild(head);
            TableBody body = new TableBody();
            s.targets().forEach(target -> body.appendChild(row(false, target.title(), target.owner(), target.due(), nz(target.dimension()))));
            table.appendChild(body);
            doc.appendChild(table);
        }
        if (!s.reviews().isEmpty()) {
            doc.appendChild(heading(2, t(s, "reviews")));
            BulletList list = new BulletList();
            s.reviews().forEach(r -> list.appendChild(item(r.title() + " – " + r.outcome() + (r.note() == null ? "" : ": " + r.note()))));
            doc.appendChild(list);
        }
        String markdown = MarkdownRenderer.builder().extensions(List.of(TablesExtension.create())).build().render(doc);
        return markdown.getBytes(StandardCharsets.UTF_8);
    }

    private static Heading heading(int level, String text) {
        Heading h = new Heading();
        h.setLevel(level);
        h.appendChild(new Text(text));
        return h;
    }

    private static org.commonmark.node.Paragraph paragraph(String text) {
        org.commonmark.node.Paragraph p = new org.commonmark.node.Paragraph();
        // line breaks people typed become hard breaks, not new paragraphs
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                p.appendChild(new org.commonmark.node.HardLineBreak());
            }
            p.appendChild(new Text(lines[i]));
        }
        return p;
    }

    private static ListItem item(String text) {
        ListItem item = new ListItem();
        item.appendChild(paragraph(text));
        return item;
    }

    private static TableRow row(boolean header, String... cells) {
        TableRow row = new TableRow();
        for (String cell : cells) {
            TableCell c = new TableCell();
            c.setHeader(header);
            c.appendChild(new Text(cell.replace("\n", " ")));
            row.appendChild(c);
        }
        return row;
    }
}
