package fi.arki.ui.session;

import static fi.arki.ui.session.SessionPages.click;
import static fi.arki.ui.session.SessionPages.signIn;
import static fi.arki.ui.session.SessionPages.type;
import static fi.arki.ui.session.SessionPages.waitFor;
import static fi.arki.ui.session.SessionPages.waitText;
import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.Application;
import fi.arki.deck.ActivityKind;
import fi.arki.deck.DeckManagement;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.followup.TargetId;
import fi.arki.session.LiveState;
import fi.arki.session.SessionInfo;
import fi.arki.session.SessionManagement;
import fi.arki.session.SessionMode;
import fi.arki.session.SessionStart;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.testing.Actors;
import fi.arki.ui.BrowserSupport;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 11's "done when", in real Chromium: one Juuti dimension (the commitment card, "Sitoutunut
 * työntekijä") run as the thesis runs it, a 15-minute slot of a team meeting, on five phones. Three
 * demo members join by the link (Erik in Swedish, switched on the join page), two guests by typing
 * the code. The slot reviews the target the team committed in its previous slot, collects private
 * answers and reveals them, holds two answers written after the reveal until the facilitator shows
 * them together, talks two questions over without writing, rates eNPS, groups the picks by an accepted server-side
 * suggestion, votes over the group and the picks in no group with one budget, and commits two
 * targets. The summary and the four exports then hold exactly that, and nothing the slot did not have.
 */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "arki.demo.enabled=true")
@ActiveProfiles("test")
@Tag("integration")
class ThesisSlotEndToEndTests {

    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    static final DateTimeFormatter FINNISH_DATE = DateTimeFormatter.ofPattern("d.M.yyyy");
    /** The commitment card's steps as a one-card slot (deck-juuti 2.1.0). */
    static final int REVIEW = 1, Q1 = 2, ENPS = 5, PICK = 6, GROUP = 7, VOTE = 8, TARGETS = 9, STEPS = 10;
    /** Unique per run: the demo team may already hold targets from other tests on this database. */
    static final String EARLIER_TARGET = "Kehukierros viikkopalaveriin " + Long.toString(System.nanoTime(), 36);
    static final String REVIEW_NOTE = "Aloitettu, jatketaan vielä kuukausi";
    /** Questions of the deck this session never had (another dimension's, the closing card's): nothing of them may show. */
    static final List<String> NOT_IN_THIS_SLOT = List.of("Miten sinä viihdyt työpaikalla?",
            "Mitkä ideat parantavat asiakaskokemusta eniten?", "Missä olemme hyviä? Missä jaatte onnistumiset?");
    /** The two questions the team talks over aloud, writing nothing: the summary says so. */
    static final List<String> UNANSWERED = List.of("Miten kehitätte oman tiimin yhteishenkeä?", "Kehu työkaveria!");

    @LocalServerPort int port;
    @Autowired TenantManagement tenants;
    @Autowired DeckManagement decks;
    @Autowired DirectoryManagement directory;
    @Autowired SessionManagement sessions;
    @Autowired fi.arki.session.SessionStartManagement starts;
    @Autowired fi.arki.session.FacilitationManagement facilitation;
    final List<ChromeDriver> drivers = new ArrayList<>();

    /**
     * The demo organisation runs Juuti, and the team's previous slot (another dimension, run through
     * the services as the facilitator would in the console) committed one target it reviews today.
     */
    @BeforeEach
    void lastSlotCommittedATarget() {
        var demo = tenants.findBySlug("demo").orElseThrow();
        Actors.signIn(demo.id(), "Demo-elinvoimakeskus", Role.TENANT_ADMIN, Role.FACILITATOR);
        try {
            TenantContext.runAs(demo.id(), () -> {
                decks.enable("juuti", null);
                Team team = directory.teams().stream().filter(t -> t.name().equals("Yritysrahoitus")).findFirst().orElseThrow();
                Person fanni = directory.people().stream().filter(p -> p.displayName().equals("Fanni Fasilitaattori"))
                        .findFirst().orElseThrow();
                // the facilitator's moves, as Arki itself on Fanni's behalf (the console's own checks are tested elsewhere)
                Actors.asSystem(() -> {
                    SessionInfo last = starts.startFor(fanni.id(),
                            new SessionStart(List.of(team.id()), "juuti", List.of("wellbeing"), SessionMode.ANONYMOUS, null));
                    LiveState state = sessions.state(last.id());
                    int commit = state.steps().stream().filter(s -> s.kind() == ActivityKind.COMMIT_TARGETS).findFirst().orElseThrow().index();
                    facilitation.goTo(last.id(), commit);
                    facilitation.commitTarget(last.id(), commit, TargetId.random(), EARLIER_TARGET, fanni.id(), null,
                            LocalDate.now(HELSINKI).plusDays(1), "wellbeing");
                    facilitation.close(last.id());
                });
            });
        } finally {
            Actors.signOut();
        }
    }

    @AfterEach
    void quit() throws java.io.IOException {
        // what each browser showed at the end, for whoever reads a failure
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            for (int i = 0; i < drivers.size(); i++) {
                try {
                    Files.write(dir.resolve("thesis-slot-" + i + ".png"), drivers.get(i).getScreenshotAs(OutputType.BYTES));
                    Files.writeString(dir.resolve("thesis-slot-" + i + ".html"), drivers.get(i).getPageSource());
                } catch (RuntimeException e) {
                    // a browser that died has nothing to show; the others still do
                }
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

    /** A participant's browser at a phone's size (and a phone's memory footprint). */
    ChromeDriver phone() {
        ChromeDriver driver = browser();
        driver.manage().window().setSize(new Dimension(390, 844));
        return driver;
    }

    @Test
    void five_phones_run_one_dimension_as_a_slot_and_the_summary_and_exports_hold_exactly_what_happened() throws Exception {
        String base = "http://localhost:" + port;

        // ---- the facilitator starts a one-card slot of the commitment dimension (anonymous, the default)
        ChromeDriver facilitator = browser();
        signIn(facilitator, base, "facilitator");
        facilitator.get(base + "/sessions/new");
        click(facilitator, By.xpath("//vaadin-checkbox[.//label[normalize-space()='Yritysrahoitus']]"));
        SessionPages.pick(facilitator, "start-deck", "Juutin kuusi ulottuvuutta");
        click(facilitator, By.xpath("//vaadin-radio-button[.//label[contains(., 'Yksi kortti')]]"));
        SessionPages.pick(facilitator, "start-card", "Sitoutunut työntekijä");
        click(facilitator, By.id("start-submit"));
        waitFor(facilitator).until(ExpectedConditions.urlContains("/facilitate"));
        String code = SessionPages.text(facilitator, "join-code");
        String sessionUrl = facilitator.getCurrentUrl().replace("/facilitate", "");

        // ---- five phones join: three members by the link (Erik switches the page to Swedish), two guests by the code
        ChromeDriver olli = member(base, "participant1", code, false);
        ChromeDriver sanna = member(base, "participant2", code, false);
        ChromeDriver erik = member(base, "participant3", code, true);
        ChromeDriver guest1 = guest(base, code);
        ChromeDriver guest2 = guest(base, code);
        List<ChromeDriver> phones = List.of(olli, sanna, erik, guest1, guest2);
        List<ChromeDriver> finns = List.of(olli, sanna, guest1, guest2);
        for (ChromeDriver p : finns) {
            SessionPages.waitShown(p, "card-title", "Sitoutunut työntekijä");
        }
        // the Swedish participant reads the session's title and the card in Swedish
        SessionPages.waitShown(erik, "card-title", "Engagerad medarbetare");
        assertThat(SessionPages.text(erik, "session-title")).isEqualTo("Juutis sex dimensioner: Engagerad medarbetare");
        assertThat(SessionPages.text(olli, "session-title")).isEqualTo("Juutin kuusi ulottuvuutta: Sitoutunut työntekijä");
        shows(facilitator, "presence", "liittyneitä 5");

        // ---- review of last slot's target: "in progress", with a note; every phone sees the outcome
        next(facilitator, REVIEW);
        String outcome = waitFor(facilitator).until(d -> d.findElements(By.xpath(
                "//div[@id='review']//li[.//label[normalize-space()=" + xpath(EARLIER_TARGET) + "]]//vaadin-select"))
                .stream().findFirst().map(e -> e.getAttribute("id")).orElse(null));
        SessionPages.pick(facilitator, outcome, "Kesken");
        type(facilitator, outcome.replace("outcome", "note"), REVIEW_NOTE);
        click(facilitator, By.xpath("//div[@id='review']//li[.//vaadin-select[@id='" + outcome + "']]//vaadin-button"));
        SessionPages.waitShown(olli, "review", EARLIER_TARGET + " Kesken");
        SessionPages.waitShown(erik, "review", EARLIER_TARGET);

        // ---- the first question: each writes privately, sees only their own until the reveal
        next(facilitator, Q1);
        SessionPages.waitShown(erik, "step-question", "Vad är det bästa i ditt eget arbete?");
        Map<ChromeDriver, String> firstAnswers = new java.util.LinkedHashMap<>();
        firstAnswers.put(olli, "Asiakkaiden kiitos onnistuneesta hakemuksesta");
        firstAnswers.put(sanna, "Hyvät työkaverit ja yhteinen huumori");
        firstAnswers.put(erik, "Kunderna som lyckas med sina projekt");
        firstAnswers.put(guest1, "Monipuoliset tehtävät joka päivä");
        firstAnswers.put(guest2, "Joustava työaika");
        for (var entry : firstAnswers.entrySet()) {
            SessionPages.waitShown(entry.getKey(), "step-question", entry.getKey() == erik ? "Vad är det bästa" : "Mikä sinun omassa työssäsi");
            answer(entry.getKey(), entry.getValue());
        }
        shows(facilitator, "answer-count", "Vastauksia 5, vastaajia 5");
        for (var entry : firstAnswers.entrySet()) {
            ChromeDriver p = entry.getKey();
            p.navigate().refresh();
            waitFor(p).until(d -> !d.findElements(By.id("my-answers")).isEmpty());
            assertThat(p.findElements(By.id("all-answers"))).as("nothing of the others before the reveal").isEmpty();
            String page = p.getPageSource();
            firstAnswers.values().stream().filter(a -> !a.equals(entry.getValue()))
                    .forEach(other -> assertThat(page).as("someone else's answer before the reveal").doesNotContain(other));
        }
        click(facilitator, By.id("step-reveal"));
        List<String> revealed = firstAnswers.values().stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
        for (ChromeDriver p : phones) {
            // everyone's, in text order: nothing says who wrote what, or in which order
            SessionPages.waitShown(p, d -> allAnswers(d).size() == 5);
            assertThat(allAnswers(p)).containsExactlyElementsOf(revealed);
        }

        // ---- two answers written after the reveal are held: nobody else sees them, no count moves
        answer(guest1, "Rauhallinen työtila keskittymiseen");
        shows(facilitator, "held-answers", "odottaa, kunnes toinenkin kirjoitetaan");
        assertThat(facilitator.findElements(By.id("held-release"))).as("one held answer is not shown on its own").isEmpty();
        answer(sanna, "Uuden oppiminen koulutuksissa");
        shows(facilitator, "held-answers", "2 vastausta odottaa seuraavaa paljastusta");
        assertThat(SessionPages.text(facilitator, "answer-count")).isEqualTo("Vastauksia 5, vastaajia 5");
        for (ChromeDriver p : List.of(olli, erik, guest2)) {
            p.navigate().refresh();
            waitFor(p).until(d -> allAnswers(d).size() == 5);
            assertThat(allAnswers(p)).containsExactlyElementsOf(revealed);
        }
        // the writer sees their own held answer among their own
        assertThat(BrowserSupport.texts(guest1, By.cssSelector("#my-answers .arki-answer-text"))).contains("Rauhallinen työtila keskittymiseen");
        // the facilitator's next reveal shows the two together, in text order with the rest
        click(facilitator, By.id("held-release"));
        shows(facilitator, "answer-count", "Vastauksia 7, vastaajia 5");
        List<String> allFirst = Stream.concat(firstAnswers.values().stream(),
                Stream.of("Rauhallinen työtila keskittymiseen", "Uuden oppiminen koulutuksissa")).sorted(String.CASE_INSENSITIVE_ORDER).toList();
        for (ChromeDriver p : phones) {
            SessionPages.waitShown(p, d -> allAnswers(d).size() == 7);
            assertThat(allAnswers(p)).containsExactlyElementsOf(allFirst);
        }

        // ---- the second and third question are talked over aloud (nobody writes); then the eNPS (0–10)
        next(facilitator, Q1 + 1);
        next(facilitator, Q1 + 2);
        click(facilitator, By.id("go-step-" + ENPS));
        atStep(facilitator, ENPS);
        Map<ChromeDriver, Integer> scores = Map.of(olli, 9, sanna, 10, erik, 8, guest1, 7, guest2, 9);
        for (ChromeDriver p : phones) {
            SessionPages.waitShown(p, d -> !d.findElements(By.id("rate-" + scores.get(p))).isEmpty());
            click(p, By.id("rate-" + scores.get(p)));
            SessionPages.waitShown(p, "rating-saved", String.valueOf(scores.get(p)));
        }
        shows(facilitator, "rating-result", "Vastanneita 5");
        click(facilitator, By.id("step-reveal"));
        // five answered, the demo organisation's anonymity threshold: shown; 3 promoters, no detractors
        shows(facilitator, "rating-average", "Keskiarvo 8,6");
        shows(facilitator, "rating-result", "Nettotulos 60");
        SessionPages.waitShown(olli, "rating-average", "8,6");

        // ---- each picks what matters most; two of the picks say the same thing in other words
        next(facilitator, PICK);
        Map<ChromeDriver, String> picks = new java.util.LinkedHashMap<>();
        picks.put(olli, "Kerätään palautetta asiakkailta kuukausittain");
        picks.put(sanna, "Asiakkaiden palaute käydään läpi kuukausittain");
        picks.put(erik, "Mentor för nya kolleger");
        picks.put(guest1, "Etätyöpäivä joka viikko");
        picks.put(guest2, "Yhteinen aamukahvi perjantaisin");
        for (var entry : picks.entrySet()) {
            SessionPages.waitShown(entry.getKey(), d -> !d.findElements(By.id("answer-text-input")).isEmpty()
                    && d.findElement(By.id("step-progress")).getText().contains(String.valueOf(PICK + 1)));
            answer(entry.getKey(), entry.getValue());
        }
        shows(facilitator, "answer-count", "Vastauksia 5, vastaajia 5");
        click(facilitator, By.id("step-reveal"));
        SessionPages.waitShown(guest2, d -> allAnswers(d).size() == 5);

        // ---- grouping: the server suggests the two alike picks as one group; the facilitator accepts it
        next(facilitator, GROUP);
        click(facilitator, By.id("group-suggest"));
        By suggestion = By.xpath("//div[contains(concat(' ', normalize-space(@class), ' '), ' arki-group-suggestion ')][.//li[normalize-space()=" + xpath(picks.get(olli))
                + "]][.//li[normalize-space()=" + xpath(picks.get(sanna)) + "]]");
        waitFor(facilitator).until(ExpectedConditions.presenceOfElementLocated(suggestion));
        String groupLabel = facilitator.findElement(suggestion).findElement(By.tagName("h4")).getText();
        // the label is the shorter of the two
        assertThat(groupLabel).isEqualTo(Stream.of(picks.get(olli), picks.get(sanna))
                .min(java.util.Comparator.comparingInt(String::length)).orElseThrow());
        click(facilitator, By.xpath("//div[contains(concat(' ', normalize-space(@class), ' '), ' arki-group-suggestion ')][.//li[normalize-space()=" + xpath(picks.get(olli))
                + "]]//vaadin-button[starts-with(@id,'suggestion-accept-')]"));
        shows(facilitator, "group-names", groupLabel + " (2)");
        SessionPages.waitShown(olli, "groups", picks.get(olli));
        SessionPages.waitShown(erik, "groups", groupLabel);

        // ---- the vote offers the group and the three picks in no group; one budget of 3 over both
        next(facilitator, VOTE);
        String ungrouped = picks.get(erik);
        for (ChromeDriver p : phones) {
            SessionPages.waitShown(p, "dots-left", "3 / 3");
            assertThat(BrowserSupport.texts(p, By.cssSelector("#vote .arki-vote-item > .arki-answer-text"))).containsExactlyInAnyOrder(
                    groupLabel, picks.get(erik), picks.get(guest1), picks.get(guest2));
            plus(p, groupLabel);
            waitText(p, "dots-left", "2 / 3");
            plus(p, ungrouped);
            waitText(p, "dots-left", "1 / 3");
            plus(p, groupLabel);
            waitText(p, "dots-left", "0 / 3");
            // the budget is spent over the group and the idea together: nothing more can be given
            assertThat(p.findElements(By.cssSelector("button.arki-vote-plus"))).allSatisfy(b -> assertThat(b.isEnabled()).isFalse());
        }
        click(facilitator, By.id("step-reveal"));
        shows(facilitator, "vote-results", "10 pistettä");
        shows(facilitator, "vote-results", "5 pistettä");

        // ---- two targets: one owned by a team member chosen from the list, one by a name typed in
        next(facilitator, TARGETS);
        LocalDate due1 = LocalDate.now(HELSINKI).plusWeeks(3);
        LocalDate due2 = LocalDate.now(HELSINKI).plusWeeks(6);
        commitTarget(facilitator, "Asiakaspalaute tiimin kuukausipalaveriin", "Olli Osallistuja", null, due1);
        commitTarget(facilitator, "Mentori jokaiselle uudelle työntekijälle", null, "Erik Ek", due2);
        for (ChromeDriver p : List.of(olli, erik, guest1)) {
            SessionPages.waitShown(p, "committed-targets", "Mentori jokaiselle uudelle työntekijälle");
            assertThat(SessionPages.text(p, "committed-targets")).contains("Asiakaspalaute tiimin kuukausipalaveriin");
        }

        // ---- the facilitator ends the session; every phone sees what was agreed
        click(facilitator, By.id("session-close"));
        click(facilitator, By.cssSelector("vaadin-button[slot='confirm-button']"));
        shows(facilitator, "session-closed", "päättynyt");
        for (ChromeDriver p : phones) {
            SessionPages.waitShown(p, "committed-targets", "Asiakaspalaute tiimin kuukausipalaveriin");
        }

        // ---- the summary: the answers (the released late ones too), group, votes, eNPS, targets, review
        facilitator.get(sessionUrl + "/summary");
        shows(facilitator, "summary-targets", "Mentori jokaiselle uudelle työntekijälle");
        shows(facilitator, "summary-reviews", EARLIER_TARGET);
        // innerText: Selenium's getText leaves out what the scrolling content area hides
        String summary = String.valueOf(facilitator.findElement(By.tagName("main")).getDomProperty("innerText"));
        assertThat(summary).contains(allFirst).contains(picks.values()).contains("10 pistettä", "5 pistettä")
                .contains("Keskiarvo 8,6", "Nettosuositteluindeksi 60", REVIEW_NOTE, "Kesken",
                        "Asiakaspalaute tiimin kuukausipalaveriin", FINNISH_DATE.format(due1), FINNISH_DATE.format(due2))
                .contains(UNANSWERED).doesNotContain(NOT_IN_THIS_SLOT);

        // ---- the four exports hold the same, and nothing of what this slot did not have
        String cookie = facilitator.manage().getCookieNamed("JSESSIONID").getValue();
        byte[] csvBytes = download(facilitator, "export-csv", cookie);
        assertThat(csvBytes).startsWith(0xEF, 0xBB, 0xBF);
        String csv = new String(csvBytes, StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> records = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(records.stream().filter(r -> r.get(2).equals("Kysymys")).filter(r -> !UNANSWERED.contains(r.get(1))).map(r -> r.get(3)).toList())
                .containsExactlyInAnyOrderElementsOf(Stream.concat(allFirst.stream(), picks.values().stream()).toList());
        assertThat(records.stream().filter(r -> r.get(2).equals("Ryhmittely")).filter(r -> r.get(5).equals(groupLabel))
                .map(r -> r.get(3)).toList()).containsExactlyInAnyOrder(picks.get(olli), picks.get(sanna));
        Map<String, String> votes = records.stream().filter(r -> r.get(2).equals("Äänestys")).filter(r -> !r.get(6).isEmpty())
                .filter(r -> !r.get(6).equals("0")).collect(Collectors.toMap(r -> r.get(3), r -> r.get(6)));
        assertThat(votes).containsExactlyInAnyOrderEntriesOf(Map.of(groupLabel, "10", ungrouped, "5"));
        assertThat(records.stream().filter(r -> r.get(2).equals("Arvio")).map(r -> r.get(3)).toList())
                .contains("Keskiarvo 8,6 (5 vastaajaa)", "Nettosuositteluindeksi 60");
        assertThat(records.stream().filter(r -> r.get(2).equals("Kehittämiskohteet"))
                .map(r -> r.get(3) + " | " + r.get(9) + " | " + r.get(10)).toList()).containsExactlyInAnyOrder(
                "Asiakaspalaute tiimin kuukausipalaveriin | Olli Osallistuja | " + FINNISH_DATE.format(due1),
                "Mentori jokaiselle uudelle työntekijälle | Erik Ek | " + FINNISH_DATE.format(due2));
        assertThat(records.stream().filter(r -> r.get(2).equals("Aiempien kohteiden katselmointi"))
                .map(r -> r.get(3) + " | " + r.get(1) + " | " + r.get(11)).toList())
                .containsExactly(EARLIER_TARGET + " | Kesken | " + REVIEW_NOTE);
        assertThat(records).allSatisfy(r -> assertThat(r.get(1)).isNotIn(NOT_IN_THIS_SLOT));
        assertThat(records.stream().filter(r -> UNANSWERED.contains(r.get(1))).map(r -> r.get(3)).toList())
                .as("the questions nobody wrote on").containsExactly("Ei vastauksia.", "Ei vastauksia.");

        String pdf;
        try (var document = Loader.loadPDF(download(facilitator, "export-pdf", cookie))) {
            pdf = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        StringBuilder slides = new StringBuilder();
        try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(download(facilitator, "export-pptx", cookie)))) {
            show.getSlides().forEach(s -> s.getShapes().stream().filter(XSLFTextShape.class::isInstance)
                    .forEach(shape -> slides.append(((XSLFTextShape) shape).getText()).append('\n')));
        }
        String markdown = new String(download(facilitator, "export-md", cookie), StandardCharsets.UTF_8).replace("\\", "");
        Map<String, String> exports = Map.of("pdf", pdf, "pptx", slides.toString().replaceAll("\\s+", " "), "md", markdown);
        exports.forEach((name, text) -> assertThat(text).as(name)
                .contains(allFirst).contains(picks.values()).contains(groupLabel)
                .contains("Keskiarvo 8,6", "Nettosuositteluindeksi 60")
                .contains("Asiakaspalaute tiimin kuukausipalaveriin", "Mentori jokaiselle uudelle työntekijälle")
                .contains(EARLIER_TARGET, REVIEW_NOTE)
                .doesNotContain(NOT_IN_THIS_SLOT));
    }

    // ---- what a person does -----------------------------------------------------------------

    /** A demo member opens the join link (signed in), optionally switches the page to Swedish, and joins. */
    ChromeDriver member(String base, String user, String code, boolean swedish) {
        ChromeDriver p = phone();
        signIn(p, base, user);
        p.get(base + "/join/" + code);
        if (swedish) {
            SessionPages.select(p, "language-select", "sv");
            click(p, By.id("language-change"));
            waitText(p, "language-change", "Byt språk");
        }
        click(p, By.id("join-submit"));
        return p;
    }

    /** A guest, on nobody's account, types the code on the join page. */
    ChromeDriver guest(String base, String code) {
        ChromeDriver p = phone();
        SessionPages.finnish(p, base);
        p.get(base + "/join");
        type(p, "join-code-input", code.toLowerCase());
        click(p, By.id("join-continue"));
        click(p, By.id("join-submit"));
        return p;
    }

    /** Writes an answer and waits until the page says it is saved (in the page's language). */
    static void answer(ChromeDriver p, String text) {
        type(p, "answer-text", text);
        click(p, By.id("answer-add"));
        waitFor(p).until(d -> d.findElements(By.cssSelector("#my-answers .arki-own-answer")).stream()
                .anyMatch(li -> li.getText().contains(text) && (li.getText().contains("Tallennettu") || li.getText().contains("Sparat"))));
    }

    static List<String> allAnswers(org.openqa.selenium.WebDriver p) {
        return BrowserSupport.texts(p, By.cssSelector("#all-answers .arki-answer-text"));
    }

    static void plus(ChromeDriver p, String item) {
        click(p, By.xpath("//li[contains(@class,'arki-vote-item')][./span[contains(@class,'arki-answer-text')][normalize-space()="
                + xpath(item) + "]]//button[contains(@class,'arki-vote-plus')]"));
    }

    static void next(ChromeDriver facilitator, int step) {
        click(facilitator, By.id("step-next"));
        atStep(facilitator, step);
    }

    /**
     * Waits until the console shows the step. By its text content: after a click far down the step
     * list the heading is scrolled out of view, where Selenium reads an element's text as empty.
     */
    static void atStep(ChromeDriver facilitator, int step) {
        String wanted = "Vaihe " + (step + 1) + " / " + STEPS;
        waitFor(facilitator).until(d -> d.findElements(By.id("step-progress")).stream()
                .anyMatch(e -> wanted.equals(String.valueOf(e.getDomProperty("textContent")).strip())));
        // back up to the current step's panel (the console's content scrolls, not the window)
        ((org.openqa.selenium.JavascriptExecutor) facilitator).executeScript("document.getElementById('step-progress').scrollIntoView()");
    }

    /** Waits until the console's element holds the text (its text content: it may be scrolled out of view). */
    static void shows(ChromeDriver facilitator, String id, String contains) {
        waitFor(facilitator).until(d -> d.findElements(By.id(id)).stream()
                .anyMatch(e -> String.valueOf(e.getDomProperty("textContent")).contains(contains)));
    }

    static void commitTarget(ChromeDriver facilitator, String title, String member, String typedOwner, LocalDate due) {
        type(facilitator, "target-title", title);
        if (member != null) {
            SessionPages.pick(facilitator, "target-owner", member);
        } else {
            SessionPages.pick(facilitator, "target-owner", "Joku muu");
            type(facilitator, "target-owner-name", typedOwner);
        }
        type(facilitator, "target-due", FINNISH_DATE.format(due));
        BrowserSupport.sendKeys(facilitator, By.cssSelector("#target-due input"), Keys.ENTER);
        click(facilitator, By.id("target-commit"));
        shows(facilitator, "committed-targets", title);
    }

    static String xpath(String text) {
        return "'" + text.replace("'", "") + "'";
    }

    static byte[] download(ChromeDriver driver, String anchorId, String sessionCookie) throws Exception {
        String href = driver.findElement(By.id(anchorId)).getAttribute("href");
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "JSESSIONID=" + sessionCookie).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
