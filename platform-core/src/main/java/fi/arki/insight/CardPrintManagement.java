package fi.arki.insight;

import fi.arki.deck.Activity;
import fi.arki.deck.ActivityKind;
import fi.arki.deck.Card;
import fi.arki.deck.DeckTexts;
import fi.arki.deck.InstalledDeck;
import fi.arki.directory.PersonId;
import fi.arki.session.LiveState;
import fi.arki.session.SessionId;
import fi.arki.session.SessionInfo;
import fi.arki.session.SessionManagement;
import fi.arki.shared.AccessRoles;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.Language;
import fi.arki.shared.OrganisationName;
import io.nayuki.qrcodegen.QrCode;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfWriter;
import fi.arki.insight.internal.ExportTexts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A running session's cards to print, for a room with paper on the table: each card on its own A4 page with
 * the card's intro (and its source) and its questions, and a QR code that brings a phone into this
 * very session, so what people write on their phones lands in the same summary as everyone else's.
 * Only the session's facilitators print it; the cards hold no one's answers.
 */
@Service
@Transactional(readOnly = true)
public class CardPrintManagement {

    private static final float QR_SIZE = 120;
    private static final float MARGIN = 48;

    private final SessionManagement sessions;
    private final ExportTexts words;

    CardPrintManagement(SessionManagement sessions, ExportTexts words) {
        this.words = words;
        this.sessions = sessions;
    }

    /** The PDF of the session's cards in {@code language}, with QR codes for {@code joinLink} (the session's http(s) join address). */
    @RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
    public byte[] pdf(SessionId id, PersonId facilitator, Language language, String joinLink) {
        SessionInfo info = sessions.find(id).orElseThrow(() -> new InvalidInputException("session.error.not-found"));
        if (!sessions.isFacilitator(id, facilitator)) {
            throw new InvalidInputException("session.error.not-facilitator");
        }
        if (!info.running() || info.joinCode() == null) {
            throw new InvalidInputException("session.error.closed");
        }
        URI link = URI.create(joinLink);
        if (!("http".equals(link.getScheme()) || "https".equals(link.getScheme())) || !link.getPath().endsWith("/join/" + info.joinCode())) {
            throw new IllegalArgumentException("not this session's join link");
        }
        LiveState state = sessions.state(id);
        return render(info, state, sessions.deckOf(info), language, joinLink);
    }

    private byte[] render(SessionInfo info, LiveState state, InstalledDeck deck, Language language, String joinLink) {
        DeckTexts texts = deck.texts();
        OrganisationName org = state.organisation();
        Map<String, List<Activity>> cards = new LinkedHashMap<>();
        for (LiveState.Step step : state.steps()) {
            deck.manifest().card(step.cardId()).flatMap(c -> c.activity(step.activityId()))
                    .ifPresent(a -> cards.computeIfAbsent(step.cardId(), c -> new ArrayList<>()).add(a));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // the bottom of every page holds the QR code and how to use it; the card's text stays above it
        Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN + QR_SIZE + 16);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        Font small = SummaryExports.font(9, Font.NORMAL);
        Font code = SummaryExports.font(24, Font.BOLD);
        String phone = words.text(language, "print.phone", joinLink.replaceFirst("/join/.*$", "/join"), info.joinCode());
        writer.setPageEvent(new PdfPageEventHelper() {
            @Override
            public void onEndPage(PdfWriter w, Document d) {
                drawQr(w.getDirectContent(), d, joinLink);
                ColumnText column = new ColumnText(w.getDirectContent());
                Rectangle page = d.getPageSize();
                column.setSimpleColumn(MARGIN, MARGIN, page.getWidth() - MARGIN - QR_SIZE - 16, MARGIN + QR_SIZE);
                column.addElement(new Paragraph(phone, small));
                column.addElement(new Paragraph(info.joinCode(), code));
                column.go();
            }
        });
        document.addTitle(info.title());
        document.open();
        Font source = SummaryExports.font(9, Font.ITALIC);
        // sized so that a whole slot (Juuti's interaction: intro in two parts, eight questions, pick,
        // vote and targets) stays on one A4 page above the QR code
        Font title = SummaryExports.font(18, Font.BOLD);
        Font body = SummaryExports.font(9.5f, Font.NORMAL);
        Font question = SummaryExports.font(10.5f, Font.BOLD);
        String deckTitle = texts.text(language, "deck.title", org);
        int number = 0;
        for (Map.Entry<String, List<Activity>> entry : cards.entrySet()) {
            if (number++ > 0) {
                document.newPage();
            }
            String cardId = entry.getKey();
            Card card = deck.manifest().card(cardId).orElseThrow();
            document.add(new Paragraph(deckTitle + " · " + words.text(language, "print.card-of", number, cards.size())
                    + " · " + words.text(language, "print.minutes", card.minutes()), small));
            Paragraph heading = new Paragraph(texts.text(language, "card." + cardId + ".title", org), title);
            heading.setSpacingAfter(10);
            document.add(heading);
            for (Activity activity : entry.getValue()) {
                String key = "card." + cardId + "." + activity.id();
                String text = texts.text(language, key, org);
                if (activity instanceof Activity.Intro intro) {
                    for (String part : text.split("\n")) {
                        Paragraph paragraph = new Paragraph(part, body);
                        paragraph.setSpacingAfter(2);
                        document.add(paragraph);
                    }
                    texts.find(language, key + ".source").ifPresent(s ->
                            document.add(new Paragraph(words.text(language, "print.source", s), source)));
                    if (intro.videoUrl() != null) {
                        document.add(new Paragraph(words.text(language, "print.video", intro.videoUrl()), source));
                    }
                } else {
                    Paragraph q = new Paragraph();
                    q.add(new Chunk("• ", question));
                    q.add(new Chunk(text, question));
                    q.setSpacingBefore(4);
                    document.add(q);
                    // hints help whoever writes an answer; the facilitator's steps (review, vote, targets) are run
                    // on the screen, and their hints would push a whole slot over one sheet
                    if (activity.kind() == ActivityKind.PROMPT || activity.kind() == ActivityKind.START_CONTINUE_STOP
                            || activity.kind() == ActivityKind.RATE) {
                        texts.find(language, key + ".help").ifPresent(h -> document.add(new Paragraph(h, source)));
                    }
                }
            }
        }
        document.close();
        return out.toByteArray();
    }

    /** The join link's QR code in the page's bottom right corner, as vector squares (sharp at any print size). */
    private static void drawQr(PdfContentByte canvas, Document document, String link) {
        QrCode qr = QrCode.encodeText(link, QrCode.Ecc.MEDIUM);
        int border = 2;
        float module = QR_SIZE / (qr.size + border * 2);
        Rectangle page = document.getPageSize();
        float left = page.getWidth() - MARGIN - QR_SIZE;
        float top = MARGIN + QR_SIZE;
        canvas.saveState();
        canvas.setRGBColorFill(0, 0, 0);
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    canvas.rectangle(left + (x + border) * module, top - (y + border + 1) * module, module, module);
                }
            }
        }
        canvas.fill();
        canvas.restoreState();
    }
}
