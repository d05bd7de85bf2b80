package fi.arki.ui.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import fi.arki.deck.DeckManagement;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.insight.CardPrintManagement;
import fi.arki.session.Joiner;
import fi.arki.session.LiveState;
import fi.arki.session.ParticipantManagement;
import fi.arki.session.SessionInfo;
import fi.arki.session.SessionManagement;
import fi.arki.session.SessionMode;
import fi.arki.session.SessionStart;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.testing.Actors;
import fi.arki.ui.UiIntegrationTest;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The printed cards of a running session: one page per card with its intro, source and questions in
 * the chosen language, and a QR code that (read back from the rendered page by an independent
 * decoder) is this session's join link, so a phone that scans it answers in the same session.
 */
@UiIntegrationTest
class CardPrintTests {

    @Autowired TenantManagement tenants;
    @Autowired DirectoryManagement directory;
    @Autowired DeckManagement decks;
    @Autowired SessionManagement sessions;
    @Autowired fi.arki.session.SessionStartManagement starts;
    @Autowired fi.arki.session.FacilitationManagement facilitation;
    @Autowired ParticipantManagement participants;
    @Autowired fi.arki.session.JoinManagement joins;
    @Autowired CardPrintManagement prints;

    TenantId tenant = TenantId.random();
    Person lead;
    Person other;
    SessionInfo session;

    @BeforeEach
    void aRunningSession() {
        String n = tenant.value().toString().substring(0, 8);
        Actors.asSystem(() -> tenants.create(tenant, "cp-" + n, "Etelä-Pohjanmaan elinvoimakeskus"));
        Actors.signIn(tenant, "Etelä-Pohjanmaan elinvoimakeskus", Role.TENANT_ADMIN, Role.FACILITATOR);
        TenantContext.runAs(tenant, () -> {
            decks.enable("juuti", null);
            Team team = directory.createTeam(directory.createUnit("Yrityspalvelut").id(), "Rahoitus");
            lead = directory.addPerson("Fanni Fasilitaattori", null, null);
            other = directory.addPerson("Olli Ohikulkija", null, null);
            directory.addToTeam(team.id(), lead.id(), true);
            session = Actors.asSystem(() -> starts.startFor(lead.id(), new SessionStart(List.of(team.id()), "juuti", List.of("competence", "interaction", "closing"),
                    SessionMode.ANONYMOUS, null)));
        });
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    @Test
    void each_card_is_a_page_with_its_texts_and_a_qr_code_that_joins_this_session() throws Exception {
        String link = "https://arki.example.fi/join/" + session.joinCode();
        byte[] pdf = TenantContext.callAs(tenant, () -> prints.pdf(session.id(), lead.id(), Language.FI, link));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).as("competence, interaction (the longest card) and closing, one page each").isEqualTo(3);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String first = stripper.getText(document).replaceAll("\\s+", " ");
            assertThat(first).contains("Juutin kuusi ulottuvuutta", "Kortti 1/3", "Osaaminen",
                    "Lähde: Juuti 2015", "Missä olemme hyviä? Missä jaatte onnistumiset?",
                    "Mitä tietoa tarvitset asiakkaan palveluun muilta vastuualueilta? Organisaatiostamme?",
                    "kirjoita koodi " + session.joinCode(), "https://arki.example.fi/join");
            assertThat(first).doesNotContain("{organisation");

            for (int page = 0; page < 3; page++) {
                BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page, 150);
                int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
                var source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
                String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
                assertThat(decoded).as("the QR code on page %d", page + 1).isEqualTo(link);
            }
        }

        // the phone that scans it lands in this session
        String code = link.substring(link.lastIndexOf('/') + 1);
        var resolved = Actors.asSystem(() -> starts.resolve(code)).orElseThrow();
        assertThat(resolved.session()).isEqualTo(session.id());
        TenantContext.runAs(tenant, () -> {
            var phone = joins.join(resolved.session(), Joiner.guest(null, null, Language.FI));
            participants.writeAnswer(session.id(), phone.participant(), 2, UUID.randomUUID(), null, "Puhelimesta paperikortin kautta");
            assertThat(sessions.state(session.id()).answers()).extracting(LiveState.Answer::text)
                    .containsExactly("Puhelimesta paperikortin kautta");
        });
    }

    @Test
    void the_cards_come_in_swedish_too_and_only_a_facilitator_of_the_session_prints_them() throws Exception {
        String link = "https://arki.example.fi/join/" + session.joinCode();
        byte[] pdf = TenantContext.callAs(tenant, () -> prints.pdf(session.id(), lead.id(), Language.SV, link));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Kort 1/3", "Källa: Juuti 2015", "skriv koden " + session.joinCode());
        }

        assertThatThrownBy(() -> TenantContext.callAs(tenant, () -> prints.pdf(session.id(), other.id(), Language.FI, link)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("session.error.not-facilitator");
        TenantContext.runAs(tenant, () -> Actors.asSystem(() -> facilitation.close(session.id())));
        assertThatThrownBy(() -> TenantContext.callAs(tenant, () -> prints.pdf(session.id(), lead.id(), Language.FI, link)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("session.error.closed");
    }

    @Test
    void the_longest_slot_alone_is_one_page_from_the_review_to_the_targets() throws Exception {
        SessionInfo slot = TenantContext.callAs(tenant, () -> Actors.asSystem(() -> starts.startFor(lead.id(), new SessionStart(session.teams(), "juuti",
                List.of("interaction"), SessionMode.ANONYMOUS, null))));
        String link = "https://arki.example.fi/join/" + slot.joinCode();
        byte[] pdf = TenantContext.callAs(tenant, () -> prints.pdf(slot.id(), lead.id(), Language.FI, link));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).as("a card is one sheet of paper").isEqualTo(1);
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Kortti 1/1", "Käykää läpi tiimin avoimet kehittämiskohteet",
                    "Miten ylitämme asiakkaiden odotukset?", "enintään kaksi kehittämiskohdetta");
        }
    }
}
