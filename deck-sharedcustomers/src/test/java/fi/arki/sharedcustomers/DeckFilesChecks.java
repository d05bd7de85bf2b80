package fi.arki.sharedcustomers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import fi.arki.deck.Activity.JourneyStage;
import fi.arki.deck.Activity.TouchpointOwner;
import fi.arki.deck.ActivityKind;
import fi.arki.deck.RatingScale;
import fi.arki.deck.Setting;
import fi.arki.deck.spi.DeckProvider;
import fi.arki.shared.Language;
import fi.arki.shared.OrganisationName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.stereotype.Component;

/**
 * What every deck's files must get right, checked on the files themselves: a well-formed manifest
 * in the platform's vocabulary, and every text in Finnish, Swedish and English, plain, with only
 * the organisation placeholders. The platform's contract kit checks a deck through its loader;
 * these checks read the files directly, so a loader bug cannot hide a content bug.
 */
abstract class DeckFilesChecks {

    static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    static final Set<String> PLACEHOLDERS = Set.of("organisation", "organisation:inessive", "organisation:elative");
    static final Pattern MARKUP = Pattern.compile("<\\s*[a-zA-Z/!?]|&#?[a-zA-Z0-9]+;|javascript:", Pattern.CASE_INSENSITIVE);

    static final Set<String> MANIFEST_FIELDS = Set.of("id", "version", "platform", "locales", "provenance", "license", "settings", "cards");
    static final Set<String> CARD_FIELDS = Set.of("id", "minutes", "standalone", "dimension", "activities");
    static final Map<String, Set<String>> ACTIVITY_FIELDS = Map.of(
            "group", Set.of("of"), "vote", Set.of("of", "budget"), "rate", Set.of("scale"), "pulse", Set.of("scale"),
            "journey-map", Set.of("stages", "owners"), "commit-targets", Set.of("max"));

    final DeckProvider provider;
    final DeckFiles deck;

    DeckFilesChecks(DeckProvider provider) {
        this.provider = provider;
        this.deck = DeckFiles.read(provider);
    }

    @Test
    void the_provider_is_a_spring_component_serving_the_deck_of_its_id() {
        assertThat(provider.getClass()).hasAnnotation(Component.class);
        assertThat(deck.manifest().get("id")).isEqualTo(provider.id());
        assertThat(provider.id()).matches(ID);
    }

    @Test
    void the_manifest_says_what_the_deck_is_and_where_it_comes_from() {
        Map<String, Object> manifest = deck.manifest();
        assertThat(manifest.keySet()).isSubsetOf(MANIFEST_FIELDS);
        assertThat(manifest.get("version").toString()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(manifest.get("platform").toString()).matches("[<>=]{1,2}\\d+\\.\\d+\\.\\d+( [<>=]{1,2}\\d+\\.\\d+\\.\\d+)?");
        assertThat(manifest.get("locales")).isEqualTo(List.of("fi", "sv", "en"));
        assertThat(manifest.get("provenance")).isInstanceOfSatisfying(Map.class, provenance -> {
            assertThat(provenance.keySet()).isSubsetOf(Set.of("source", "reference", "url"));
            assertThat(provenance.get("source").toString()).isNotBlank();
        });
        assertThat(manifest.get("license").toString()).isNotBlank();
    }

    @Test
    void cards_and_activities_are_well_formed_in_the_platforms_vocabulary() {
        assertThat(deck.cards()).isNotEmpty();
        assertThat(new HashSet<>(deck.cardIds())).hasSameSizeAs(deck.cardIds());
        for (Map<String, Object> card : deck.cards()) {
            String where = "card " + card.get("id");
            assertThat(card.keySet()).as(where).isSubsetOf(CARD_FIELDS);
            assertThat(card.get("id").toString()).as(where).matches(ID);
            assertThat(card.get("minutes")).as(where).isInstanceOfSatisfying(Integer.class, m -> assertThat(m).isBetween(5, 30));
            assertThat(card.get("standalone")).as(where).isInstanceOf(Boolean.class);
            List<Map<String, Object>> activities = DeckFiles.activities(card);
            assertThat(activities).as(where).isNotEmpty();
            assertThat(activities.getFirst().get("kind")).as(where + " opens with its theory").isEqualTo("intro");
            Set<String> seen = new HashSet<>();
            for (Map<String, Object> activity : activities) {
                String id = activity.get("id").toString();
                String kind = activity.get("kind").toString();
                String at = where + ", activity " + id;
                assertThat(id).as(at).matches(ID);
                assertThat(seen.add(id)).as(at + " is unique on its card").isTrue();
                assertThat(ActivityKind.ofCode(kind)).as(at + " kind " + kind).isPresent();
                Set<String> fields = new HashSet<>(activity.keySet());
                fields.removeAll(Set.of("id", "kind"));
                assertThat(fields).as(at).isSubsetOf(ACTIVITY_FIELDS.getOrDefault(kind, Set.of()));
                checkParameters(card, activity, at);
            }
        }
    }

    private static void checkParameters(Map<String, Object> card, Map<String, Object> activity, String at) {
        switch (activity.get("kind").toString()) {
            case "rate", "pulse" -> assertThat(RatingScale.ofCode(String.valueOf(activity.get("scale")))).as(at).isPresent();
            case "group", "vote" -> {
                List<Map<String, Object>> activities = DeckFiles.activities(card);
                List<Map<String, Object>> earlier = activities.subList(0, activities.indexOf(activity));
                List<String> over = "group".equals(activity.get("kind"))
                        ? List.of("prompt", "start-continue-stop") : List.of("prompt", "start-continue-stop", "group");
                assertThat(earlier).as(at + " works on the answers of an earlier " + over + " of its card")
                        .anySatisfy(a -> {
                            assertThat(a.get("id")).isEqualTo(activity.get("of"));
                            assertThat(a.get("kind")).isIn(over.toArray());
                        });
                if ("vote".equals(activity.get("kind"))) {
                    assertThat(activity.get("budget")).as(at).isInstanceOfSatisfying(Integer.class, b -> assertThat(b).isBetween(1, 10));
                }
            }
            case "commit-targets" -> assertThat(activity.get("max")).as(at).isIn(1, 2);
            case "journey-map" -> {
                assertThat(activity.get("stages")).as(at).asInstanceOf(LIST)
                        .isNotEmpty().doesNotHaveDuplicates()
                        .isSubsetOf(Arrays.stream(JourneyStage.values()).map(JourneyStage::code).toList());
                assertThat(activity.get("owners")).as(at).asInstanceOf(LIST)
                        .isNotEmpty().doesNotHaveDuplicates()
                        .isSubsetOf(Arrays.stream(TouchpointOwner.values()).map(TouchpointOwner::code).toList());
            }
            default -> { }
        }
    }

    @Test
    void settings_are_typed_and_have_defaults_an_administrator_could_choose() {
        for (Map<String, Object> setting : deck.settings()) {
            String at = "setting " + setting.get("key");
            assertThat(setting.get("key").toString()).as(at).matches(ID);
            String type = setting.get("type").toString();
            assertThat(Arrays.stream(Setting.Type.values()).map(Setting.Type::code)).as(at).contains(type);
            Object value = setting.get("default");
            assertThat(value).as(at + " has a default").isNotNull();
            switch (type) {
                case "boolean" -> assertThat(value).as(at).isInstanceOf(Boolean.class);
                case "integer" -> assertThat(value).as(at).isInstanceOfSatisfying(Integer.class, v ->
                        assertThat(v).isBetween((Integer) setting.get("min"), (Integer) setting.get("max")));
                case "choice" -> assertThat(setting.get("choices")).as(at).asInstanceOf(LIST).contains(value);
                default -> assertThat(value.toString()).as(at).isNotBlank();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void every_text_the_manifest_needs_is_there_and_not_blank(Language language) {
        Map<String, String> texts = deck.texts().get(language);
        assertThat(texts).as(language + " messages").containsKeys(deck.requiredKeys().toArray(String[]::new));
        texts.forEach((key, text) -> assertThat(text).as(language + " " + key).isNotBlank());
    }

    @Test
    void the_languages_have_the_same_keys_and_none_the_manifest_does_not_know() {
        Set<String> finnish = deck.texts().get(Language.FI).keySet();
        assertThat(finnish).isSubsetOf(deck.allowedKeys());
        for (Language language : Language.values()) {
            assertThat(deck.texts().get(language).keySet()).as(language + " keys").isEqualTo(finnish);
            assertThat(deck.duplicateKeys().get(language)).as(language + " keys given twice").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void every_intro_names_its_source(Language language) {
        Map<String, String> texts = deck.texts().get(language);
        for (String intro : deck.introKeys()) {
            assertThat(texts.get(intro + ".source")).as(language + " " + intro).isNotBlank().containsPattern("\\d{4}");
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void texts_are_plain_text(Language language) {
        deck.texts().get(language).forEach((key, text) -> {
            assertThat(MARKUP.matcher(text).find()).as(language + " " + key + " has markup: " + text).isFalse();
            assertThat(text.chars().noneMatch(Character::isISOControl)).as(language + " " + key + " has control characters").isTrue();
            assertThat(text).as(language + " " + key).isEqualTo(text.strip());
        });
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void placeholders_name_only_the_organisation_and_fill_in_cleanly(Language language) {
        OrganisationName bare = OrganisationName.of("Demo-elinvoimakeskus");
        OrganisationName inflected = new OrganisationName("Demo-elinvoimakeskus", "Demo-elinvoimakeskuksessa", "Demo-elinvoimakeskuksesta");
        deck.texts().get(language).forEach((key, text) -> {
            List<String> used = new ArrayList<>();
            Matcher placeholder = PLACEHOLDER.matcher(text);
            while (placeholder.find()) {
                used.add(placeholder.group(1));
            }
            assertThat(used).as(language + " " + key).isSubsetOf(PLACEHOLDERS);
            for (OrganisationName name : List.of(bare, inflected)) {
                assertThat(name.fill(text, language)).as(language + " " + key).doesNotContain("{", "}");
            }
        });
    }
}
