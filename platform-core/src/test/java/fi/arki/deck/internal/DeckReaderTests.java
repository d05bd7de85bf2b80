package fi.arki.deck.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.deck.Activity;
import fi.arki.deck.ActivityKind;
import fi.arki.deck.DeckProblem;
import fi.arki.deck.RatingScale;
import fi.arki.shared.Language;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeckReaderTests {

    final DeckReader reader = new DeckReader(SemanticVersion.parse("0.1.0-SNAPSHOT").orElseThrow());

    List<DeckProblem> problems(Map<String, byte[]> files) {
        DeckReader.Reading reading = reader.read(new DeckFiles(files));
        assertThat(reading.valid()).isFalse();
        return reading.problems();
    }

    List<DeckProblem> manifestProblems(String from, String to) {
        return problems(TestDecks.kitchenSink("deck.yaml", y -> {
            assertThat(y).contains(from);
            return y.replace(from, to);
        }));
    }

    @Test
    void reads_a_valid_deck_into_the_model() {
        DeckReader.Reading reading = reader.read(new DeckFiles(TestDecks.kitchenSink()));
        assertThat(reading.problems()).isEmpty();
        var m = reading.deck().manifest();
        assertThat(m.id()).isEqualTo("kitchen-sink");
        assertThat(m.locales()).containsExactly(Language.FI, Language.SV, Language.EN);
        assertThat(m.cards()).extracting(c -> c.id()).containsExactly("warm-up", "path", "close");
        assertThat(m.cards().getFirst().activities()).extracting(Activity::kind).containsExactly(ActivityKind.INTRO,
                ActivityKind.PROMPT, ActivityKind.START_CONTINUE_STOP, ActivityKind.GROUP, ActivityKind.VOTE, ActivityKind.RATE);
        assertThat(m.cards().getFirst().activity("dots")).contains(new Activity.Vote("dots", "groups", 3));
        assertThat(m.cards().getLast().activity("pulse")).contains(new Activity.Pulse("pulse", RatingScale.ENPS));
        assertThat(m.settings()).extracting(s -> s.key() + "=" + s.defaultValue())
                .containsExactly("vote-budget=3", "anonymous=true", "closing-words=Kiitos!", "pace=calm");
        assertThat(reading.deck().texts().text(Language.SV, "card.warm-up.q1")).isEqualTo("Vilken information behöver du från {organisation}?");
        // what is stored reads back to the same manifest
        assertThat(DeckReader.manifestOf(DeckReader.toJson(reading.deck().manifestJson()))).isEqualTo(m);
        assertThat(DeckReader.textsOf(DeckReader.textsToJson(reading.deck().texts()))).isEqualTo(reading.deck().texts());
    }

    @Test
    void an_unknown_field_anywhere_is_refused() {
        assertThat(manifestProblems("license: CC0-1.0", "license: CC0-1.0\nauthor: me"))
                .containsExactly(DeckProblem.of("deck.problem.schema.unknown-field", "deck.yaml", "author"));
        assertThat(manifestProblems("{ id: q1, kind: prompt }", "{ id: q1, kind: prompt, budget: 3 }"))
                .containsExactly(DeckProblem.of("deck.problem.schema.unknown-field", "cards › warm-up › activities › q1", "budget"));
    }

    @Test
    void an_unknown_activity_kind_is_named() {
        assertThat(manifestProblems("kind: start-continue-stop", "kind: brainstorm"))
                .containsExactly(DeckProblem.of("deck.problem.unknown-kind", "cards › warm-up › activities › scs › kind", "brainstorm"));
    }

    @Test
    void a_missing_required_field_is_named() {
        assertThat(manifestProblems("{ id: dots, kind: vote, of: groups, budget: 3 }", "{ id: dots, kind: vote, of: groups }"))
                .containsExactly(DeckProblem.of("deck.problem.schema.required", "cards › warm-up › activities › dots", "budget"));
    }

    @Test
    void duplicate_ids_are_refused() {
        assertThat(manifestProblems("- id: path", "- id: warm-up")).contains(DeckProblem.of("deck.problem.duplicate-card", "warm-up"));
        assertThat(manifestProblems("{ id: scs,", "{ id: q1,")).contains(DeckProblem.of("deck.problem.duplicate-activity", "warm-up", "q1"));
        assertThat(manifestProblems("key: anonymous", "key: pace")).contains(DeckProblem.of("deck.problem.duplicate-setting", "pace"));
    }

    @Test
    void of_must_name_an_earlier_activity_of_a_fitting_kind() {
        assertThat(manifestProblems("of: q1", "of: q9")).containsExactly(DeckProblem.of("deck.problem.of-unknown", "warm-up", "groups", "q9"));
        assertThat(manifestProblems("of: q1", "of: dots")).containsExactly(DeckProblem.of("deck.problem.of-unknown", "warm-up", "groups", "dots"));
        assertThat(manifestProblems("of: q1", "of: intro")).containsExactly(DeckProblem.of("deck.problem.of-wrong-kind", "warm-up", "groups", "intro", "intro"));
    }

    @Test
    void versions_and_platform_ranges_are_checked_against_the_running_platform() {
        assertThat(manifestProblems("version: 1.0.0", "version: 1.0"))
                .containsExactly(DeckProblem.of("deck.problem.schema.type", "version", "string"));
        assertThat(manifestProblems("version: 1.0.0", "version: \"1.0.0.1\""))
                .containsExactly(DeckProblem.of("deck.problem.schema.pattern", "version", "1.0.0.1"));
        assertThat(manifestProblems("platform: \">=0.1.0 <1.0.0\"", "platform: \">=2.0.0\""))
                .containsExactly(DeckProblem.of("deck.problem.platform-unsupported", ">=2.0.0", "0.1.0"));
        assertThat(manifestProblems("platform: \">=0.1.0 <1.0.0\"", "platform: \">=2.0.0 <1.0.0\""))
                .containsExactly(DeckProblem.of("deck.problem.platform-range-empty", ">=2.0.0 <1.0.0"));
        assertThat(manifestProblems("platform: \">=0.1.0 <1.0.0\"", "platform: \"~1.0\""))
                .containsExactly(DeckProblem.of("deck.problem.schema.pattern", "platform", "~1.0"));
    }

    @Test
    void setting_defaults_must_fit_their_type() {
        assertThat(manifestProblems("default: 3, min: 1", "default: 30, min: 1"))
                .containsExactly(DeckProblem.of("deck.problem.setting-default", "vote-budget", "30"));
        assertThat(manifestProblems("default: calm", "default: slow"))
                .containsExactly(DeckProblem.of("deck.problem.setting-default", "pace", "slow"));
        assertThat(manifestProblems("type: boolean, default: true", "type: boolean, default: true, choices: [a, b]"))
                .contains(DeckProblem.of("deck.problem.setting-choices", "anonymous"));
    }

    @Test
    void every_required_text_in_every_declared_language() {
        List<DeckProblem> problems = problems(TestDecks.kitchenSink("messages_sv.properties",
                t -> t.replaceAll("(?m)^card\\.close\\.targets=.*$", "").replaceAll("(?m)^setting\\.pace\\.choice\\.brisk=.*$", "")));
        assertThat(problems).containsExactlyInAnyOrder(
                DeckProblem.of("deck.problem.missing-text", "sv", "card.close.targets"),
                DeckProblem.of("deck.problem.missing-text", "sv", "setting.pace.choice.brisk"));

        Map<String, byte[]> noEnglish = TestDecks.kitchenSink();
        noEnglish.remove("messages_en.properties");
        assertThat(problems(noEnglish)).containsExactly(DeckProblem.of("deck.problem.missing-file", "messages_en.properties"));

        assertThat(problems(TestDecks.kitchenSink("messages_fi.properties", t -> t + "card.warm-up.q2=Typo?\n")))
                .containsExactly(DeckProblem.of("deck.problem.unknown-text", "fi", "card.warm-up.q2"));
        assertThat(problems(TestDecks.kitchenSink("deck.yaml", y -> y.replace("locales: [fi, sv, en]", "locales: [fi, sv]"))))
                .containsExactly(DeckProblem.of("deck.problem.undeclared-locale", "messages_en.properties", "en"));
    }

    @Test
    void texts_are_plain_text_with_known_placeholders() {
        assertThat(problems(TestDecks.kitchenSink("messages_en.properties", t -> t.replace("How does it feel?",
                "<b>How</b> does it feel? <img src=x onerror=alert(1)>"))))
                .containsExactly(DeckProblem.of("deck.problem.text-html", "en › card.warm-up.mood"));
        assertThat(problems(TestDecks.kitchenSink("messages_en.properties", t -> t.replace("How does it feel?",
                "See JavaScript:alert(1)"))))
                .containsExactly(DeckProblem.of("deck.problem.text-script", "en › card.warm-up.mood"));
        assertThat(problems(TestDecks.kitchenSink("messages_en.properties", t -> t.replace("How does it feel?",
                "How does {team} feel?"))))
                .containsExactly(DeckProblem.of("deck.problem.text-placeholder", "en › card.warm-up.mood", "{team}"));
    }

    @Test
    void an_optional_text_given_in_one_language_is_given_in_every_language() {
        assertThat(problems(TestDecks.kitchenSink("messages_fi.properties", t -> t + "card.warm-up.mood.help=Valitse kasvo.\n")))
                .containsExactlyInAnyOrder(
                        DeckProblem.of("deck.problem.missing-text", "sv", "card.warm-up.mood.help"),
                        DeckProblem.of("deck.problem.missing-text", "en", "card.warm-up.mood.help"));
        assertThat(problems(TestDecks.kitchenSink("messages_sv.properties",
                t -> t.replaceAll("(?m)^setting\\.vote-budget\\.help=.*$", ""))))
                .containsExactly(DeckProblem.of("deck.problem.missing-text", "sv", "setting.vote-budget.help"));
    }

    @Test
    void a_text_given_is_not_blank() {
        assertThat(problems(TestDecks.kitchenSink("messages_en.properties", t -> t.replace("card.warm-up.q1.help=Write one thing at a time.",
                "card.warm-up.q1.help=   "))))
                .containsExactly(DeckProblem.of("deck.problem.text-blank", "en › card.warm-up.q1.help"));
        assertThat(manifestProblems("source: \"Arki test deck\"", "source: \" \""))
                .containsExactly(DeckProblem.of("deck.problem.text-blank", "provenance › source"));
    }

    @Test
    void a_dimension_label_is_optional_but_given_in_every_language_or_none() {
        assertThat(problems(TestDecks.kitchenSink("messages_sv.properties", t -> t.replace("dimension.competence=Kunnande\n", ""))))
                .containsExactly(DeckProblem.of("deck.problem.missing-text", "sv", "dimension.competence"));
        Map<String, byte[]> unlabelled = TestDecks.kitchenSink("deck.yaml", y -> y.replace("  - id: path\n    minutes: 30\n",
                "  - id: path\n    minutes: 30\n    dimension: service-path\n"));
        DeckReader.Reading reading = reader.read(new DeckFiles(unlabelled));
        assertThat(reading.problems()).as("a dimension without a label: the UI names it after its first card").isEmpty();
        assertThat(reading.deck().manifest().cards()).anyMatch(c -> "service-path".equals(c.dimension()));
        Map<String, byte[]> labelledInFinnishOnly = new java.util.LinkedHashMap<String, byte[]>(unlabelled);
        labelledInFinnishOnly.put("messages_fi.properties", (new String(unlabelled.get("messages_fi.properties"), StandardCharsets.UTF_8)
                + "dimension.service-path=Palvelupolku\n").getBytes(StandardCharsets.UTF_8));
        assertThat(problems(labelledInFinnishOnly)).containsExactlyInAnyOrder(
                DeckProblem.of("deck.problem.missing-text", "sv", "dimension.service-path"),
                DeckProblem.of("deck.problem.missing-text", "en", "dimension.service-path"));
        assertThat(problems(TestDecks.kitchenSink("messages_en.properties", t -> t + "dimension.wellbeing=Wellbeing\n")))
                .as("a label of a dimension no card names")
                .containsExactly(DeckProblem.of("deck.problem.unknown-text", "en", "dimension.wellbeing"));
    }

    @Test
    void placeholders_fill_in_cleanly_and_the_finnish_forms_stay_in_finnish() {
        assertThat(problems(TestDecks.kitchenSink("messages_en.properties", t -> t.replace("from {organisation}?", "from {organisation?"))))
                .containsExactly(DeckProblem.of("deck.problem.text-brace", "en › card.warm-up.q1"));
        assertThat(problems(TestDecks.kitchenSink("messages_en.properties", t -> t.replace("from {organisation}?", "from {{organisation}}?"))))
                .containsExactly(DeckProblem.of("deck.problem.text-brace", "en › card.warm-up.q1"));
        assertThat(problems(TestDecks.kitchenSink("messages_sv.properties",
                t -> t.replace("från {organisation}?", "från {organisation:elative}?"))))
                .containsExactly(DeckProblem.of("deck.problem.text-placeholder-finnish", "sv › card.warm-up.q1", "{organisation:elative}"));
        assertThat(problems(TestDecks.kitchenSink("messages_en.properties", t -> t.replace("How does it feel?", "Customers &amp; us"))))
                .containsExactly(DeckProblem.of("deck.problem.text-html", "en › card.warm-up.mood"));
    }

    @Test
    void links_are_http_or_https_only() {
        assertThat(manifestProblems("video: \"https://example.org/video\"", "video: \"javascript:alert(1)\""))
                .containsExactly(DeckProblem.of("deck.problem.schema.pattern", "cards › warm-up › activities › intro › video", "javascript:alert(1)"));
        assertThat(manifestProblems("url: \"https://example.org/arki\"", "url: \"https://user@example.org\""))
                .containsExactly(DeckProblem.of("deck.problem.url", "provenance › url"));
    }

    @Test
    void yaml_is_read_safely() {
        assertThat(manifestProblems("license: CC0-1.0", "license: CC0-1.0\nlicense: MIT"))
                .extracting(DeckProblem::key).containsExactly("deck.problem.yaml-duplicate-key");
        assertThat(manifestProblems("provenance: {", "base: &a { source: x }\nprovenance: {"))
                .extracting(DeckProblem::key).containsExactly("deck.problem.yaml-anchor");
        assertThat(manifestProblems("license: CC0-1.0", "license: !!binary aGVsbG8="))
                .extracting(DeckProblem::key).containsExactly("deck.problem.yaml-tag");
        assertThat(manifestProblems("license: CC0-1.0", "license: !!java.lang.ProcessBuilder [ls]"))
                .extracting(DeckProblem::key).containsExactly("deck.problem.yaml-tag");
        assertThat(problems(Map.of("deck.yaml", "- just\n- a list\n".getBytes(StandardCharsets.UTF_8))))
                .extracting(DeckProblem::key).containsExactly("deck.problem.yaml-not-a-mapping");
        assertThat(problems(Map.of("deck.yaml", new byte[] {(byte) 0xC3, 0x28})))
                .containsExactly(DeckProblem.of("deck.problem.not-utf8", "deck.yaml"));
        assertThat(problems(Map.of())).containsExactly(DeckProblem.of("deck.problem.missing-file", "deck.yaml"));
    }

    @Test
    void a_manifest_nested_200000_levels_deep_is_refused_with_a_message_not_a_stack_overflow() {
        // the attack's manifest: 400 kB of flow brackets, well under the 512 kB file limit
        String sequences = "id: deep\nx: " + "[".repeat(200_000) + "]".repeat(200_000) + "\n";
        assertThat(problems(Map.of("deck.yaml", sequences.getBytes(StandardCharsets.UTF_8))))
                .containsExactly(DeckProblem.of("deck.problem.yaml-too-deep", 2, DeckReader.MAX_YAML_DEPTH));
        String mappings = "x: " + "{a: ".repeat(100_000) + "1" + "}".repeat(100_000) + "\n";
        assertThat(problems(Map.of("deck.yaml", mappings.getBytes(StandardCharsets.UTF_8))))
                .extracting(DeckProblem::key).containsExactly("deck.problem.yaml-too-deep");
        // the limit is far above what a real deck needs (the kitchen-sink deck is read above)
        String justUnder = "x: " + "[".repeat(DeckReader.MAX_YAML_DEPTH - 1) + "]".repeat(DeckReader.MAX_YAML_DEPTH - 1) + "\n";
        assertThat(problems(Map.of("deck.yaml", justUnder.getBytes(StandardCharsets.UTF_8))))
                .extracting(DeckProblem::key).doesNotContain("deck.problem.yaml-too-deep");
    }

    @Test
    void a_billion_laughs_manifest_is_refused_at_its_first_anchor() {
        StringBuilder lol = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            char previous = (char) (c - 1);
            lol.append(c).append(": &").append(c).append(" [").append(("*" + previous + ",").repeat(8)).append('*').append(previous).append("]\n");
        }
        assertThat(problems(Map.of("deck.yaml", lol.toString().getBytes(StandardCharsets.UTF_8))))
                .containsExactly(DeckProblem.of("deck.problem.yaml-anchor", 1));
    }

    @Test
    void an_image_must_be_in_the_deck_and_be_what_its_name_says() {
        Map<String, byte[]> files = TestDecks.kitchenSink("deck.yaml",
                y -> y.replace("{ id: intro, kind: intro, video: \"https://example.org/video\" }",
                        "{ id: intro, kind: intro, image: images/intro.png }"));
        for (String lang : new String[] {"fi", "sv", "en"}) {
            String file = "messages_" + lang + ".properties";
            files.put(file, (new String(files.get(file), StandardCharsets.UTF_8) + "card.warm-up.intro.alt=Kuva\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(problems(files)).containsExactly(DeckProblem.of("deck.problem.image-missing", "images/intro.png"));
        files.put("images/intro.png", "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8));
        assertThat(problems(files)).containsExactly(DeckProblem.of("deck.problem.image-type", "images/intro.png"));
        files.put("images/intro.png", TestImages.png());
        assertThat(new DeckReader(SemanticVersion.parse("0.1.0").orElseThrow()).read(new DeckFiles(files)).problems()).isEmpty();
    }
}
