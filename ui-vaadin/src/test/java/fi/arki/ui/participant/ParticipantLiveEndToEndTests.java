package fi.arki.ui.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.arki.Application;
import fi.arki.deck.DeckManagement;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.session.LiveState;
import fi.arki.session.SessionInfo;
import fi.arki.session.SessionManagement;
import fi.arki.session.SessionMode;
import fi.arki.session.SessionStart;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.testing.Actors;
import fi.arki.ui.BrowserSupport;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The participant script in real Chromium: the page follows the facilitator's steps by itself
 * (no reload: a marker set in the page survives), a post goes by fetch and keeps the page, and
 * text typed but not sent survives a reload.
 */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("integration")
class ParticipantLiveEndToEndTests {

    @LocalServerPort int port;
    @Autowired TenantManagement tenants;
    @Autowired DirectoryManagement directory;
    @Autowired DeckManagement decks;
    @Autowired SessionManagement sessions;

    @Autowired fi.arki.session.SessionStartManagement starts;
    @Autowired fi.arki.session.FacilitationManagement facilitation;
    final TenantId tenant = TenantId.random();
    Person lead;
    SessionInfo session;
    ChromeDriver browser;

    @BeforeEach
    void runningSession() {
        Actors.asSystem(() -> tenants.create(tenant, "ple-" + tenant.value().toString().substring(0, 8), "Virasto"));
        asFacilitator(() -> {
            decks.enable("juuti", null);
            Team team = directory.createTeam(directory.createUnit("Palvelut").id(), "Neuvonta");
            lead = directory.addPerson("Fanni Fasilitaattori", null, null);
            directory.grantRole(lead.id(), Role.FACILITATOR);
            directory.addToTeam(team.id(), lead.id(), true);
            session = Actors.asSystem(() -> starts.startFor(lead.id(), new SessionStart(List.of(team.id()), "juuti", List.of("closing"), SessionMode.ANONYMOUS, null)));
        });
    }

    @AfterEach
    void quit() throws java.io.IOException {
        if (browser == null) {
            return;
        }
        try {
            // what the page showed and fetched at the end, for whoever reads a failure
            java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
            java.nio.file.Files.writeString(dir.resolve("participant-live.html"), browser.getPageSource() + "\n<!-- resources:\n"
                    + browser.executeScript("return performance.getEntriesByType('resource').map(r => r.name + ' ' + r.responseStatus).join('\\n')")
                    + "\nerrors: " + browser.executeScript("return JSON.stringify(window.__arkiErrors || [])") + "\n-->");
        } finally {
            browser.quit();
        }
    }

    void asFacilitator(Runnable work) {
        Actors.signIn(tenant, "Virasto", Role.TENANT_ADMIN, Role.FACILITATOR);
        try {
            TenantContext.runAs(tenant, work);
        } finally {
            Actors.signOut();
        }
    }

    int firstPrompt() {
        LiveState[] state = new LiveState[1];
        asFacilitator(() -> state[0] = sessions.state(session.id()));
        return state[0].steps().stream().filter(s -> s.kind().name().equals("PROMPT")).findFirst().orElseThrow().index();
    }

    String shownStep() {
        return String.valueOf(browser.executeScript("const s = document.getElementById('step'); return s ? s.dataset.step : null;"));
    }

    Object marker() {
        return browser.executeScript("return window.__arkiMarker || null;");
    }

    @Test
    void the_page_follows_the_facilitator_without_a_reload_sends_by_fetch_and_keeps_a_draft_over_a_reload() {
        String base = "http://localhost:" + port;
        browser = BrowserSupport.chromium();
        browser.get(base + "/join/" + session.joinCode());
        // script errors of the pages to come, kept for the failure report
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source",
                "window.__arkiErrors = []; window.addEventListener('error', e => window.__arkiErrors.push(String(e.message)));"));
        BrowserSupport.click(browser, By.id("join-submit"));
        await().atMost(BrowserSupport.PATIENCE).until(() -> browser.getCurrentUrl().endsWith("/p/" + session.id().value()));
        await().atMost(BrowserSupport.PATIENCE).until(() -> shownStep().equals("0"));
        browser.executeScript("window.__arkiMarker = 'same page';");

        int prompt = firstPrompt();
        asFacilitator(() -> Actors.asSystem(() -> facilitation.goTo(session.id(), prompt)));
        await().atMost(BrowserSupport.PATIENCE).until(() -> shownStep().equals(String.valueOf(prompt)));
        assertThat(marker()).as("updated by the event stream, not by a reload").isEqualTo("same page");
        // the participant's own part (the answer form) came with the new step
        await().atMost(BrowserSupport.PATIENCE).until(() -> !browser.findElements(By.cssSelector("#answer-text textarea")).isEmpty());

        BrowserSupport.type(browser, By.cssSelector("#answer-text textarea"), "Asiakkaat neuvovat toisiaan");
        BrowserSupport.click(browser, By.id("answer-add"));
        await().atMost(BrowserSupport.PATIENCE).until(() -> BrowserSupport.texts(browser, By.cssSelector("#my-answers .arki-own-answer"))
                .stream().anyMatch(t -> t.contains("Asiakkaat neuvovat toisiaan")));
        assertThat(marker()).as("the form went by fetch; the page stayed").isEqualTo("same page");

        BrowserSupport.type(browser, By.cssSelector("#answer-text textarea"), "Luonnos, jota ei vielä lähetetty");
        browser.navigate().refresh();
        await().atMost(BrowserSupport.PATIENCE).until(() -> marker() == null && !browser.findElements(By.cssSelector("#answer-text textarea")).isEmpty());
        await().atMost(BrowserSupport.PATIENCE).until(() -> Objects.equals(
                browser.findElement(By.cssSelector("#answer-text textarea")).getDomProperty("value"), "Luonnos, jota ei vielä lähetetty"));
        assertThat(BrowserSupport.texts(browser, By.cssSelector("#my-answers .arki-own-answer")))
                .as("the draft was kept, not sent").noneMatch(t -> t.contains("Luonnos"));
    }
}
