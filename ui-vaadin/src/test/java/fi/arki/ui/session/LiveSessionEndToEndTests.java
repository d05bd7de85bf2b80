package fi.arki.ui.session;

import static fi.arki.ui.session.SessionPages.click;
import static fi.arki.ui.session.SessionPages.signIn;
import static fi.arki.ui.session.SessionPages.type;
import static fi.arki.ui.session.SessionPages.waitFor;
import static fi.arki.ui.session.SessionPages.waitText;
import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.Application;
import fi.arki.deck.DeckManagement;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.ui.BrowserSupport;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The "done when", in real Chromium, on the Juuti deck's closing card (deck-juuti): a
 * facilitator starts a session, three participants join by code (one of them a guest), write
 * ideas, the facilitator reveals and groups them, everyone votes, the team commits a target, the
 * facilitator closes; the summary and the four exports hold exactly what was written.
 */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "arki.demo.enabled=true")
@ActiveProfiles("test")
@Tag("integration")
class LiveSessionEndToEndTests {

    @LocalServerPort int port;
    @Autowired TenantManagement tenants;
    @Autowired DeckManagement decks;
    final List<ChromeDriver> drivers = new ArrayList<>();

    /** The demo organisation's administrator enables the Juuti deck (deck-juuti), as they would in the deck catalogue. */
    @BeforeEach
    void juutiEnabled() {
        var demo = tenants.findBySlug("demo").orElseThrow();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
                List.of(new SimpleGrantedAuthority("ROLE_TENANT_ADMIN"))));
        try {
            TenantContext.runAs(demo.id(), () -> decks.enable("juuti", null));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @AfterEach
    void quit() throws java.io.IOException {
        // what each browser showed at the end, for whoever reads a failure
        try {
            java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
            for (int i = 0; i < drivers.size(); i++) {
                java.nio.file.Files.write(dir.resolve("live-session-" + i + ".png"),
                        drivers.get(i).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
                java.nio.file.Files.writeString(dir.resolve("live-session-" + i + ".html"), drivers.get(i).getPageSource());
            }
        } finally {
            drivers.forEach(ChromeDriver::quit);
        }
    }

    ChromeDriver browser() {
        ChromeDriver driver = BrowserSupport.chromium();
        drivers.add(driver);
        return driver;
    }

    @Test
    void a_team_runs_a_card_from_start_to_summary_and_every_export_holds_exactly_what_was_written() throws Exception {
        String base = "http://localhost:" + port;
        ChromeDriver facilitator = browser();
        signIn(facilitator, base, "facilitator");
        facilitator.get(base + "/sessions/new");
        click(facilitator, By.xpath("//vaadin-checkbox[.//label[normalize-space()='Yritysrahoitus']]"));
        // the demo team has 4 members, fewer than the anonymity threshold 5: the facilitator is told before starting
        SessionPages.waitText(facilitator, "start-small-team", "vähemmän kuin anonymiteettiraja 5");
        SessionPages.pick(facilitator, "start-deck", "Juutin kuusi ulottuvuutta"); // other decks may be enabled too
        click(facilitator, By.xpath("//vaadin-radio-button[.//label[contains(., 'Yksi kortti')]]"));
        SessionPages.pick(facilitator, "start-card", "Lopuksi");
        click(facilitator, By.id("start-submit"));
        waitFor(facilitator).until(ExpectedConditions.urlContains("/facilitate"));
        String code = SessionPages.text(facilitator, "join-code");
        assertThat(code).matches("[2-9A-Z]{6}");
        String sessionUrl = facilitator.getCurrentUrl().replace("/facilitate", "");

        ChromeDriver olli = browser();
        signIn(olli, base, "participant1");
        olli.get(base + "/join/" + code);
        click(olli, By.id("join-submit"));
        ChromeDriver sanna = browser();
        signIn(sanna, base, "participant2");
        sanna.get(base + "/join/" + code);
        click(sanna, By.id("join-submit"));
        ChromeDriver guest = browser();
        SessionPages.finnish(guest, base);
        guest.get(base + "/join");
        type(guest, "join-code-input", code.toLowerCase());
        click(guest, By.id("join-continue"));
        click(guest, By.id("join-submit"));
        for (ChromeDriver p : List.of(olli, sanna, guest)) {
            SessionPages.waitShown(p, "card-title", "Lopuksi");
        }
        // joined: three; present counts the participants' live connections (the events stream)
        waitText(facilitator, "presence", "liittyneitä 3");

        next(facilitator, 2); // the team's open targets (none yet in the demo team)
        next(facilitator, 3); // the customers' NPS, as the team sees it
        next(facilitator, 4);
        List<String> written = List.of("Asiakkaat opettavat lupakäytäntöjä", "<b>Palaute</b> & ideat, \"lainaus\"", "Ruotsinkielinen palvelu");
        for (ChromeDriver p : List.of(olli, sanna, guest)) {
            SessionPages.waitShown(p, "step-question", "Miten tarjoamme asiakkaalle");
        }
        SessionPages.answer(olli, written.get(0));
        SessionPages.answer(sanna, written.get(1));
        SessionPages.answer(guest, written.get(2));
        waitText(facilitator, "answer-count", "Vastauksia 3, vastaajia 3");

        click(facilitator, By.id("step-reveal"));
        for (ChromeDriver p : List.of(olli, sanna, guest)) {
            SessionPages.waitShown(p, d -> SessionPages.texts(d, "#all-answers .arki-answer-text").size() == 3);
            // text order, not writing order: nothing tells who wrote what
            assertThat(SessionPages.texts(p, "#all-answers .arki-answer-text"))
                    .containsExactlyElementsOf(written.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList());
        }
        assertThat(guest.getPageSource()).doesNotContain("<b>Palaute</b>"); // escaped as text, never markup

        next(facilitator, 5); // group, by keyboard-operable menus
        for (String group : List.of("Palvelukieli", "Palaute ja ideat")) {
            type(facilitator, "group-label", group);
            click(facilitator, By.id("group-create"));
            waitText(facilitator, "group-names", group);
        }
        // answers are listed in text order: <b>Palaute</b>…, Asiakkaat…, Ruotsinkielinen…
        choose(facilitator, "group-of-0", "Palaute ja ideat");
        waitText(facilitator, "group-names", "Palaute ja ideat (1)");
        choose(facilitator, "group-of-1", "Palvelukieli");
        waitText(facilitator, "group-names", "Palvelukieli (1)");
        choose(facilitator, "group-of-2", "Palvelukieli");
        waitText(facilitator, "group-names", "Palvelukieli (2)");
        for (ChromeDriver p : List.of(olli, guest)) {
            SessionPages.waitShown(p, "groups", "Ruotsinkielinen palvelu");
        }
        next(facilitator, 6); // vote over the groups
        for (ChromeDriver p : List.of(olli, sanna, guest)) {
            SessionPages.waitShown(p, "dots-left", "3 / 3");
            click(p, By.xpath("//li[contains(@class,'arki-vote-item')][.//span[normalize-space()='Palvelukieli']]//button[contains(@class,'arki-vote-plus')]"));
            waitText(p, "dots-left", "2 / 3");
        }
        click(facilitator, By.id("step-reveal"));
        waitFor(facilitator).until(ExpectedConditions.textToBePresentInElementLocated(By.id("vote-results"), "3 pistettä"));

        next(facilitator, 7); // targets
        type(facilitator, "target-title", "Palautekierros kuukausittain");
        type(facilitator, "target-owner-name", "Olli Osallistuja");
        type(facilitator, "target-due", "1.6.2031");
        BrowserSupport.sendKeys(facilitator, By.cssSelector("#target-due input"), org.openqa.selenium.Keys.ENTER);
        click(facilitator, By.id("target-commit"));
        waitText(facilitator, "committed-targets", "Palautekierros kuukausittain");
        for (ChromeDriver p : List.of(olli, guest)) {
            SessionPages.waitShown(p, "committed-targets", "Palautekierros kuukausittain");
        }

        next(facilitator, 8); // closing pulse
        click(facilitator, By.id("session-close"));
        click(facilitator, By.cssSelector("vaadin-button[slot='confirm-button']"));
        waitText(facilitator, "session-closed", "päättynyt");
        for (ChromeDriver p : List.of(olli, sanna, guest)) {
            SessionPages.waitShown(p, "session-closed", "päättynyt");
            // guests too see what was agreed
            SessionPages.waitShown(p, "committed-targets", "Palautekierros kuukausittain");
        }

        facilitator.get(sessionUrl + "/summary");
        waitText(facilitator, "summary-targets", "Palautekierros kuukausittain");
        String summaryText = facilitator.findElement(By.tagName("main")).getText();
        written.forEach(w -> assertThat(summaryText).contains(w));

        String cookie = facilitator.manage().getCookieNamed("JSESSIONID").getValue();
        byte[] pdf = download(facilitator, "export-pdf", cookie);
        byte[] pptx = download(facilitator, "export-pptx", cookie);
        String csv = new String(download(facilitator, "export-csv", cookie), StandardCharsets.UTF_8);
        String markdown = new String(download(facilitator, "export-md", cookie), StandardCharsets.UTF_8);

        List<CSVRecord> records = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.substring(1))).getRecords();
        Set<String> promptAnswers = records.stream().filter(r -> r.get(2).equals("Kysymys")).map(r -> r.get(3)).collect(Collectors.toSet());
        assertThat(promptAnswers).containsExactlyInAnyOrderElementsOf(written);
        assertThat(records.stream().filter(r -> r.get(2).equals("Kehittämiskohteet")).map(r -> r.get(3)).toList())
                .containsExactly("Palautekierros kuukausittain");
        assertThat(records.stream().filter(r -> r.get(2).equals("Äänestys")).filter(r -> r.get(3).equals("Palvelukieli"))
                .map(r -> r.get(6)).toList()).containsExactly("3");
        assertThat(records.stream().filter(r -> r.get(2).equals("Ryhmittely")).filter(r -> r.get(5).equals("Palvelukieli"))
                .map(r -> r.get(3)).toList()).containsExactlyInAnyOrder(written.get(0), written.get(2));

        String pdfText;
        try (var document = Loader.loadPDF(pdf)) {
            pdfText = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        StringBuilder slides = new StringBuilder();
        try (XMLSlideShow show = new XMLSlideShow(new java.io.ByteArrayInputStream(pptx))) {
            show.getSlides().forEach(s -> s.getShapes().stream().filter(XSLFTextShape.class::isInstance)
                    .map(XSLFShape.class::cast).forEach(shape -> slides.append(((XSLFTextShape) shape).getText()).append('\n')));
        }
        for (String w : written) {
            assertThat(pdfText).contains(w);
            assertThat(slides.toString()).contains(w);
            assertThat(countOf(markdown.replace("\\", ""), w.replace("\\", ""))).as(markdown).isGreaterThanOrEqualTo(1);
        }
        for (String export : List.of(pdfText, slides.toString(), markdown)) {
            assertThat(export).contains("Palautekierros kuukausittain").doesNotContain("Vastaus, jota kukaan ei kirjoittanut");
        }
        // the markdown escapes what people wrote: their tags stay text when rendered
        assertThat(org.commonmark.renderer.html.HtmlRenderer.builder().build()
                .render(org.commonmark.parser.Parser.builder().build().parse(markdown))).doesNotContain("<b>Palaute</b>");
    }

    /** Chooses an item of a vaadin-select (its overlay) with the keyboard-free path a mouse user takes. */
    private static void choose(ChromeDriver driver, String selectId, String item) {
        BrowserSupport.choose(driver, selectId, item);
    }

    private static void next(ChromeDriver facilitator, int expected) {
        click(facilitator, By.id("step-next"));
        waitText(facilitator, "step-progress", "Vaihe " + expected + " / 8");
    }

    private static int countOf(String haystack, String needle) {
        int count = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }

    private static byte[] download(ChromeDriver driver, String anchorId, String sessionCookie) throws Exception {
        String href = driver.findElement(By.id(anchorId)).getAttribute("href");
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "JSESSIONID=" + sessionCookie).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
