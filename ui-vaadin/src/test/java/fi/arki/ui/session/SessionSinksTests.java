package fi.arki.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.Element;
import fi.arki.ProductionClasses;
import fi.arki.session.Lane;
import fi.arki.session.LiveState;
import fi.arki.session.ParticipantId;
import fi.arki.shared.Language;
import fi.arki.ui.UiIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * T-12 for sessions: what people type and what decks say reach the page as text, never as markup;
 * links from deck content are http(s) only; charts and QR codes are images (no inline SVG); and no
 * view runs script or sets markup except the classes on one reviewed allowlist
 * ({@code script-sinks-allowlist.txt}).
 */
@UiIntegrationTest
class SessionSinksTests extends SpringBrowserlessTest {

    static final List<String> PAYLOADS = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "\"><svg onload=alert(1)>", "javascript:alert(1)", "{{7*7}} ${7*7} <b>bold</b>");

    @Test
    void answers_and_names_are_set_as_text_and_never_as_html() {
        UI.getCurrent().setLocale(Language.FI.locale());
        ParticipantId author = ParticipantId.random();
        List<LiveState.Answer> answers = new ArrayList<>();
        for (String payload : PAYLOADS) {
            answers.add(new LiveState.Answer(UUID.randomUUID(), 1, author, null, Lane.STOP, payload, 1));
        }
        var participants = Map.of(author, new LiveState.Participant(author, "<script>alert('name')</script>", null, null, true, true));
        for (boolean lanes : List.of(false, true)) {
            Component list = StepParts.answers(UI.getCurrent(), answers, lanes, participants, true, "all-answers");
            List<Element> elements = descendants(list.getElement()).toList();
            elements = elements.stream().filter(e -> !e.isTextNode()).toList();
            assertThat(elements).noneMatch(e -> e.hasProperty("innerHTML"));
            assertThat(elements).noneMatch(e -> e.getTag().equals("script") || e.getTag().equals("img") || e.getTag().equals("svg"));
            String text = list.getElement().getTextRecursively();
            PAYLOADS.forEach(p -> assertThat(text).contains(p));
            assertThat(text).contains("<script>alert('name')</script>");
        }
    }

    @Test
    void only_http_and_https_links_from_deck_content_become_links() {
        assertThat(SessionTexts.safeLink("https://www.example.fi/video")).contains("https://www.example.fi/video");
        assertThat(SessionTexts.safeLink("http://example.fi")).isPresent();
        for (String bad : List.of("javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "data:text/html,<script>",
                "vbscript:x", "//evil.example/x", "/relative", "file:///etc/passwd", "https:///nohost", "mailto:x@example.fi")) {
            assertThat(SessionTexts.safeLink(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void charts_and_qr_codes_are_images_with_data_urls_so_nothing_in_them_runs() {
        var chart = Charts.distribution(fi.arki.deck.RatingScale.SCALE_1_5, Map.of(1, 2L, 5, 3L), "alt");
        assertThat(chart.getSrc()).startsWith("data:image/svg+xml;base64,");
        assertThat(chart.getElement().getTag()).isEqualTo("img");
        var qr = Charts.qr(fi.arki.session.QrCodes.svg("http://localhost/join/ABC234"), "QR");
        assertThat(qr.getElement().getTag()).isEqualTo("img");
    }

    /** Calls that put script or markup into a page: only the classes on the allowlist may make them. */
    static final java.util.Set<String> SCRIPT_SINKS = java.util.Set.of("executeJs", "callJsFunction", "addJavaScript", "addJsModule");

    @Test
    void only_allowlisted_classes_run_script_or_set_markup_in_any_view() throws java.io.IOException {
        java.util.Set<String> allowed = allowlist();
        JavaClasses classes = new ClassFileImporter().withImportOption(new ProductionClasses()).importPackages("fi.arki.ui");
        assertThat(classes).isNotEmpty();
        List<String> found = new ArrayList<>();
        classes.forEach(c -> {
            String owner = c.getName().replaceFirst("\\$.*", "");
            c.getDirectDependenciesFromSelf().stream()
                    .filter(d -> d.getTargetClass().getName().equals("com.vaadin.flow.component.Html"))
                    .forEach(d -> found.add(owner + " uses Html"));
            c.getMethodCallsFromSelf().stream().filter(call -> SCRIPT_SINKS.contains(call.getName()))
                    .forEach(call -> found.add(owner + " calls " + call.getName()));
            c.getMethodCallsFromSelf().stream().filter(call -> call.getName().equals("setProperty"))
                    .filter(call -> call.getTargetOwner().getName().equals("com.vaadin.flow.dom.Element"))
                    .forEach(call -> found.add(owner + " sets an element property (check it is not innerHTML)"));
        });
        assertThat(found.stream().filter(f -> !allowed.contains(f.substring(0, f.indexOf(' ')))).distinct().toList())
                .as("script and markup sinks outside src/test/resources/script-sinks-allowlist.txt").isEmpty();
        assertThat(found.stream().map(f -> f.substring(0, f.indexOf(' '))).distinct().toList())
                .as("allowlisted classes still in use").containsAll(allowed);
    }

    private static java.util.Set<String> allowlist() throws java.io.IOException {
        try (var in = SessionSinksTests.class.getResourceAsStream("/script-sinks-allowlist.txt")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.split("\\s+")[0])
                    .collect(java.util.stream.Collectors.toSet());
        }
    }

    private static Stream<Element> descendants(Element element) {
        return Stream.concat(Stream.of(element), element.getChildren().flatMap(SessionSinksTests::descendants));
    }

}
