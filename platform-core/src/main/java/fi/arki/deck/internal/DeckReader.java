package fi.arki.deck.internal;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import fi.arki.deck.Activity;
import fi.arki.deck.ActivityKind;
import fi.arki.deck.Card;
import fi.arki.deck.DeckImage;
import fi.arki.deck.DeckManifest;
import fi.arki.deck.DeckProblem;
import fi.arki.deck.DeckTexts;
import fi.arki.deck.Provenance;
import fi.arki.deck.RatingScale;
import fi.arki.deck.Setting;
import fi.arki.shared.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and checks a deck: the same code for a code deck's classpath folder and an uploaded
 * package. YAML 1.2 is read without types, anchors, aliases or duplicate keys; the manifest is
 * checked against {@code docs/deck-schema.json} (unknown fields are errors); then what a schema
 * cannot say: unique ids, references, version syntax, the platform range against the running
 * platform, setting defaults, and every text in every declared language, plain text only.
 *
 * <p>Never throws for bad content: every problem found is returned, so an author sees them all.
 */
public final class DeckReader {

    public static final int MAX_FILE_BYTES = 512 * 1024;
    static final int MAX_IMAGE_BYTES = 2 * 1024 * 1024;
    /**
     * How deeply lists and fields may nest in deck.yaml. A real deck needs about eight levels;
     * SnakeYAML Engine 3.0.1 has no depth setting, and its composer (like our conversion and the
     * schema validator after it) recurses once per level, so a deeper file is refused while the
     * events stream past, before anything recursive sees it.
     */
    public static final int MAX_YAML_DEPTH = 50;
    private static final Schema SCHEMA = loadSchema();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SemanticVersion platformVersion;

    public DeckReader(SemanticVersion platformVersion) {
        this.platformVersion = platformVersion.release();
    }

    /** The running platform's version as the build recorded it ({@code arki-platform.properties}). */
    public static SemanticVersion runningPlatformVersion() {
        try (InputStream in = DeckReader.class.getResourceAsStream("/arki-platform.properties")) {
            Properties p = new Properties();
            p.load(in);
            return SemanticVersion.parse(p.getProperty("arki.platform.version"))
                    .orElseThrow(() -> new IllegalStateException("arki-platform.properties has no valid version"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A deck that passed every check. {@code manifestJson} is what is stored; it reads back to the same manifest. */
    public record ReadDeck(DeckManifest manifest, DeckTexts texts, JsonNode manifestJson, Map<String, DeckImage> images,
                           String contentHash) {
    }

    public record Reading(@Nullable ReadDeck deck, List<DeckProblem> problems) {
        public Reading {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return deck != null && problems.isEmpty();
        }
    }

    public Reading read(DeckFiles files) {
        List<DeckProblem> problems = new ArrayList<>();
        Optional<JsonNode> json = manifestJson(files, problems::add);
        if (json.isEmpty()) {
            return new Reading(null, problems);
        }
        List<DeckProblem> schemaProblems = schemaProblems(json.get());
        if (!schemaProblems.isEmpty()) {
            problems.addAll(schemaProblems);
            return new Reading(null, problems);
        }
        DeckManifest manifest = toManifest(json.get());
        checkManifest(manifest, problems::add);
        DeckTexts texts = readTexts(manifest, files, problems::add);
        Map<String, DeckImage> images = readImages(manifest, files, problems::add);
        if (!problems.isEmpty()) {
            return new Reading(null, problems);
        }
        return new Reading(new ReadDeck(manifest, texts, json.get(), images, files.contentHash()), problems);
    }

    /** Reads a stored manifest back (it passed every check when it was stored). */
    public static DeckManifest manifestOf(String storedJson) {
        return toManifest(JSON.readTree(storedJson));
    }

    public static String toJson(JsonNode node) {
        return JSON.writeValueAsString(node);
    }

    public static String textsToJson(DeckTexts texts) {
        Map<String, Map<String, String>> byTag = new TreeMap<>();
        texts.byLanguage().forEach((language, values) -> byTag.put(language.tag(), new TreeMap<>(values)));
        return JSON.writeValueAsString(byTag);
    }

    public static DeckTexts textsOf(String storedJson) {
        Map<Language, Map<String, String>> byLanguage = new EnumMap<>(Language.class);
        JsonNode root = JSON.readTree(storedJson);
        for (String tag : root.propertyNames()) {
            Map<String, String> values = new HashMap<>();
            JsonNode texts = root.get(tag);
            for (String key : texts.propertyNames()) {
                values.put(key, texts.get(key).stringValue());
            }
            byLanguage.put(Language.ofTag(tag).orElseThrow(), values);
        }
        return new DeckTexts(byLanguage);
    }

    /** The image names a manifest refers to, for reading a code deck's folder (which cannot be listed). */
    public static List<String> imagesNamedIn(byte[] manifestBytes) {
        try {
            Optional<JsonNode> json = manifestJson(new DeckFiles(Map.of(DeckFiles.MANIFEST, manifestBytes)), p -> { });
            if (json.isEmpty()) {
                return List.of();
            }
            List<String> images = new ArrayList<>();
            for (JsonNode card : json.get().path("cards")) {
                for (JsonNode activity : card.path("activities")) {
                    JsonNode image = activity.get("image");
                    if (image != null && image.isString() && !image.stringValue().contains("..")) {
                        images.add(image.stringValue());
                    }
                }
            }
            return images;
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** The version a manifest states, if it can be read at all (to name a deck that failed). */
    public static Optional<String> versionNamedIn(byte[] manifestBytes) {
        try {
            return manifestJson(new DeckFiles(Map.of(DeckFiles.MANIFEST, manifestBytes)), p -> { })
                    .map(json -> json.get("version"))
                    .filter(v -> v != null && v.isString() && v.stringValue().length() <= 100)
                    .map(JsonNode::stringValue);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    // --- deck.yaml ---------------------------------------------------------------------------

    private static Optional<JsonNode> manifestJson(DeckFiles files, Consumer<DeckProblem> problems) {
        Optional<byte[]> bytes = files.get(DeckFiles.MANIFEST);
        if (bytes.isEmpty()) {
            problems.accept(DeckProblem.of("deck.problem.missing-file", DeckFiles.MANIFEST));
            return Optional.empty();
        }
        Optional<String> text = utf8Text(DeckFiles.MANIFEST, bytes.get(), problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        LoadSettings settings = LoadSettings.builder()
                .setLabel(DeckFiles.MANIFEST)
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                .setAllowNonScalarKeys(false)
                .setMaxAliasesForCollections(1)
                .setCodePointLimit(MAX_FILE_BYTES)
                .build();
        try {
            int depth = 0;
            for (Event event : new Parse(settings).parseString(text.get())) {
                int line = event.getStartMark().map(m -> m.getLine() + 1).orElse(0);
                if (event instanceof CollectionStartEvent && ++depth > MAX_YAML_DEPTH) {
                    problems.accept(DeckProblem.of("deck.problem.yaml-too-deep", line, MAX_YAML_DEPTH));
                    return Optional.empty();
                }
                if (event instanceof CollectionEndEvent) {
                    depth--;
                }
                if (event.getEventId() == Event.ID.Alias
                        || (event instanceof NodeEvent node && node.getAnchor().isPresent())) {
                    problems.accept(DeckProblem.of("deck.problem.yaml-anchor", line));
                    return Optional.empty();
                }
                boolean tagged = event instanceof ScalarEvent scalar ? scalar.getTag().isPresent()
                        : event instanceof CollectionStartEvent collection && collection.getTag().isPresent();
                if (tagged) {
                    problems.accept(DeckProblem.of("deck.problem.yaml-tag", line));
                    return Optional.empty();
                }
            }
            Object document = new Load(settings).loadFromString(text.get());
            if (!(document instanceof Map<?, ?>)) {
                problems.accept(DeckProblem.of("deck.problem.yaml-not-a-mapping"));
                return Optional.empty();
            }
            return Optional.ofNullable(toNode(document, "", problems));
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
            problems.accept(DeckProblem.of(e.getMessage() != null && e.getMessage().contains("found duplicate key")
                    ? "deck.problem.yaml-duplicate-key" : "deck.problem.yaml-syntax", line, e.getProblem()));
            return Optional.empty();
        } catch (YamlEngineException e) {
            problems.accept(DeckProblem.of("deck.problem.yaml-syntax", 0, e.getMessage()));
            return Optional.empty();
        }
    }

    private static @Nullable JsonNode toNode(@Nullable Object value, String path, Consumer<DeckProblem> problems) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (value) {
            case null -> nodes.nullNode();
            case Map<?, ?> map -> {
                ObjectNode object = nodes.objectNode();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!(e.getKey() instanceof String key)) {
                        problems.accept(DeckProblem.of("deck.problem.yaml-key", path.isEmpty() ? "/" : path, e.getKey()));
                        yield null;
                    }
                    JsonNode child = toNode(e.getValue(), path + "/" + key, problems);
                    if (child == null) {
                        yield null;
                    }
                    object.set(key, child);
                }
                yield object;
            }
            case List<?> list -> {
                ArrayNode array = nodes.arrayNode();
                for (int i = 0; i < list.size(); i++) {
                    JsonNode child = toNode(list.get(i), path + "/" + i, problems);
                    if (child == null) {
                        yield null;
                    }
                    array.add(child);
                }
                yield array;
            }
            case String s -> nodes.stringNode(s);
            case Boolean b -> nodes.booleanNode(b);
            case Integer i -> nodes.numberNode(i);
            case Long l -> nodes.numberNode(l);
            case java.math.BigInteger b -> nodes.numberNode(b);
            case Double d -> nodes.numberNode(d);
            default -> {
                problems.accept(DeckProblem.of("deck.problem.yaml-tag", path));
                yield null;
            }
        };
    }

    private static Schema loadSchema() {
        try (InputStream in = DeckReader.class.getResourceAsStream("deck-schema.json")) {
            if (in == null) {
                throw new IllegalStateException("deck-schema.json is missing from the platform build");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<DeckProblem> schemaProblems(JsonNode json) {
        List<DeckProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Error error : SCHEMA.validate(json)) {
            String where = where(json, error.getInstanceLocation());
            String keyword = error.getKeyword() == null ? "" : error.getKeyword();
            DeckProblem problem = switch (keyword) {
                case "required" -> DeckProblem.of("deck.problem.schema.required", where, error.getProperty());
                case "additionalProperties" -> DeckProblem.of("deck.problem.schema.unknown-field", where, error.getProperty());
                case "type" -> DeckProblem.of("deck.problem.schema.type", where, typeOf(error));
                case "pattern" -> DeckProblem.of("deck.problem.schema.pattern", where, scalar(error.getInstanceNode()));
                case "enum" -> where.endsWith("kind")
                        ? DeckProblem.of("deck.problem.unknown-kind", where, scalar(error.getInstanceNode()))
                        : DeckProblem.of("deck.problem.schema.enum", where, enumValues(error));
                case "minimum", "maximum", "minItems", "maxItems", "minLength", "maxLength" ->
                        DeckProblem.of("deck.problem.schema.range", where, error.getArguments() == null
                                || error.getArguments().length == 0 ? "" : error.getArguments()[0]);
                case "uniqueItems" -> DeckProblem.of("deck.problem.schema.unique", where);
                default -> DeckProblem.of("deck.problem.schema.other", where, error.getMessage());
            };
            if (seen.add(problem.toString())) {
                problems.add(problem);
            }
        }
        return problems;
    }

    private static String scalar(JsonNode node) {
        String text = node == null ? "" : node.isValueNode() ? node.asString() : node.toString();
        return text.length() > 100 ? text.substring(0, 100) + "…" : text;
    }

    private static String typeOf(Error error) {
        JsonNode type = error.getSchemaNode();
        if (type != null && type.isArray()) {
            List<String> names = new ArrayList<>();
            type.forEach(t -> names.add(t.asString()));
            return String.join("/", names);
        }
        return type == null ? "" : type.asString();
    }

    private static String enumValues(Error error) {
        JsonNode values = error.getSchemaNode();
        if (values == null || !values.isArray()) {
            return "";
        }
        List<String> names = new ArrayList<>();
        values.forEach(v -> names.add(v.asString()));
        return String.join(", ", names);
    }

    /** A location readers understand: {@code cards › competence › activities › dots › budget}. */
    static String where(JsonNode root, NodePath path) {
        List<String> parts = new ArrayList<>();
        JsonNode node = root;
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if (element instanceof Integer index) {
                JsonNode item = node == null ? null : node.get(index);
                JsonNode id = item == null ? null : (item.has("id") ? item.get("id") : item.get("key"));
                parts.add(id != null && id.isString() ? id.stringValue() : "#" + (index + 1));
                node = item;
            } else {
                String name = String.valueOf(element);
                parts.add(name);
                node = node == null ? null : node.get(name);
            }
        }
        return parts.isEmpty() ? "deck.yaml" : String.join(" › ", parts);
    }

    private static DeckManifest toManifest(JsonNode json) {
        JsonNode provenance = json.get("provenance");
        List<Setting> settings = new ArrayList<>();
        for (JsonNode s : json.path("settings")) {
            List<String> choices = new ArrayList<>();
            s.path("choices").forEach(c -> choices.add(c.stringValue()));
            Setting.Type type = Arrays.stream(Setting.Type.values())
                    .filter(t -> t.code().equals(s.get("type").stringValue())).findFirst().orElseThrow();
            settings.add(new Setting(s.get("key").stringValue(), type, s.get("default").asString(),
                    s.has("min") ? s.get("min").intValue() : null, s.has("max") ? s.get("max").intValue() : null, choices));
        }
        List<Card> cards = new ArrayList<>();
        for (JsonNode c : json.get("cards")) {
            List<Activity> activities = new ArrayList<>();
            for (JsonNode a : c.get("activities")) {
                activities.add(toActivity(a));
            }
            cards.add(new Card(c.get("id").stringValue(), c.get("minutes").intValue(),
                    c.has("standalone") && c.get("standalone").booleanValue(),
                    c.has("dimension") ? c.get("dimension").stringValue() : null, activities));
        }
        List<Language> locales = new ArrayList<>();
        json.get("locales").forEach(l -> locales.add(Language.ofTag(l.stringValue()).orElseThrow()));
        return new DeckManifest(json.get("id").stringValue(), json.get("version").stringValue(),
                json.get("platform").stringValue(), locales,
                new Provenance(provenance.get("source").stringValue(), optional(provenance, "reference"), optional(provenance, "url")),
                json.get("license").stringValue(), settings, cards);
    }

    private static Activity toActivity(JsonNode a) {
        String id = a.get("id").stringValue();
        ActivityKind kind = ActivityKind.ofCode(a.get("kind").stringValue()).orElseThrow();
        return switch (kind) {
            case INTRO -> new Activity.Intro(id, optional(a, "video"), optional(a, "image"));
            case PROMPT -> new Activity.Prompt(id);
            case START_CONTINUE_STOP -> new Activity.StartContinueStop(id);
            case GROUP -> new Activity.Group(id, a.get("of").stringValue());
            case VOTE -> new Activity.Vote(id, a.get("of").stringValue(), a.get("budget").intValue());
            case RATE -> new Activity.Rate(id, RatingScale.ofCode(a.get("scale").stringValue()).orElseThrow());
            case JOURNEY_MAP -> {
                List<Activity.JourneyStage> stages = new ArrayList<>();
                a.get("stages").forEach(s -> stages.add(Arrays.stream(Activity.JourneyStage.values())
                        .filter(v -> v.code().equals(s.stringValue())).findFirst().orElseThrow()));
                List<Activity.TouchpointOwner> owners = new ArrayList<>();
                a.get("owners").forEach(o -> owners.add(Arrays.stream(Activity.TouchpointOwner.values())
                        .filter(v -> v.code().equals(o.stringValue())).findFirst().orElseThrow()));
                yield new Activity.JourneyMap(id, stages, owners);
            }
            case COMMIT_TARGETS -> new Activity.CommitTargets(id, a.get("max").intValue());
            case REVIEW_TARGETS -> new Activity.ReviewTargets(id);
            case PULSE -> new Activity.Pulse(id, RatingScale.ofCode(a.get("scale").stringValue()).orElseThrow());
        };
    }

    private static @Nullable String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    // --- what the schema cannot say ---------------------------------------------------------

    private void checkManifest(DeckManifest m, Consumer<DeckProblem> problems) {
        if (SemanticVersion.parse(m.version()).isEmpty()) {
            problems.accept(DeckProblem.of("deck.problem.version", m.version()));
        }
        Optional<SemanticVersion.Range> range = SemanticVersion.Range.parse(m.platformVersions());
        if (range.isEmpty()) {
            problems.accept(DeckProblem.of("deck.problem.platform-range", m.platformVersions()));
        } else if (range.get().empty()) {
            problems.accept(DeckProblem.of("deck.problem.platform-range-empty", m.platformVersions()));
        } else if (!range.get().includes(platformVersion)) {
            problems.accept(DeckProblem.of("deck.problem.platform-unsupported", m.platformVersions(), platformVersion));
        }
        if (m.provenance().source().isBlank()) {
            problems.accept(DeckProblem.of("deck.problem.text-blank", "provenance › source"));
        }
        PlainText.check("provenance › source", m.provenance().source(), problems);
        if (m.provenance().reference() != null) {
            PlainText.check("provenance › reference", m.provenance().reference(), problems);
        }
        if (m.provenance().url() != null && !PlainText.safeUrl(m.provenance().url())) {
            problems.accept(DeckProblem.of("deck.problem.url", "provenance › url"));
        }

        Set<String> cardIds = new HashSet<>();
        for (Card card : m.cards()) {
            if (!cardIds.add(card.id())) {
                problems.accept(DeckProblem.of("deck.problem.duplicate-card", card.id()));
            }
            Map<String, Activity> earlier = new LinkedHashMap<>();
            for (Activity activity : card.activities()) {
                if (earlier.containsKey(activity.id())) {
                    problems.accept(DeckProblem.of("deck.problem.duplicate-activity", card.id(), activity.id()));
                }
                switch (activity) {
                    case Activity.Group g -> checkOf(card, g.id(), g.of(), earlier,
                            Set.of(ActivityKind.PROMPT, ActivityKind.START_CONTINUE_STOP), problems);
                    case Activity.Vote v -> checkOf(card, v.id(), v.of(), earlier,
                            Set.of(ActivityKind.PROMPT, ActivityKind.START_CONTINUE_STOP, ActivityKind.GROUP), problems);
                    case Activity.Intro i when i.videoUrl() != null && !PlainText.safeUrl(i.videoUrl()) ->
                            problems.accept(DeckProblem.of("deck.problem.url", card.id() + " › " + i.id() + " › video"));
                    default -> { }
                }
                earlier.putIfAbsent(activity.id(), activity);
            }
        }

        Set<String> settingKeys = new HashSet<>();
        for (Setting s : m.settings()) {
            if (!settingKeys.add(s.key())) {
                problems.accept(DeckProblem.of("deck.problem.duplicate-setting", s.key()));
            }
            checkSetting(s, problems);
        }
    }

    private static void checkOf(Card card, String id, String of, Map<String, Activity> earlier, Set<ActivityKind> kinds,
                                Consumer<DeckProblem> problems) {
        Activity target = earlier.get(of);
        if (target == null) {
            problems.accept(DeckProblem.of("deck.problem.of-unknown", card.id(), id, of));
        } else if (!kinds.contains(target.kind())) {
            problems.accept(DeckProblem.of("deck.problem.of-wrong-kind", card.id(), id, of, target.kind().code()));
        }
    }

    private static void checkSetting(Setting s, Consumer<DeckProblem> problems) {
        boolean integer = s.type() == Setting.Type.INTEGER;
        if (!integer && (s.min() != null || s.max() != null)) {
            problems.accept(DeckProblem.of("deck.problem.setting-min-max", s.key()));
        }
        if ((s.type() == Setting.Type.CHOICE) == s.choices().isEmpty()) {
            problems.accept(DeckProblem.of("deck.problem.setting-choices", s.key()));
        }
        if (s.min() != null && s.max() != null && s.min() > s.max()) {
            problems.accept(DeckProblem.of("deck.problem.setting-range", s.key()));
        }
        if (SettingValues.check(s, s.defaultValue()).isPresent()) {
            problems.accept(DeckProblem.of("deck.problem.setting-default", s.key(), s.defaultValue()));
        }
        if (s.type() == Setting.Type.TEXT) {
            PlainText.check("setting " + s.key(), s.defaultValue(), problems);
        }
    }

    // --- messages_<lang>.properties ----------------------------------------------------------

    /**
     * Every key a deck must have in each of its languages; {@link #optionalKeys} are those it may
     * have, but then in every language it declares.
     */
    static Set<String> requiredKeys(DeckManifest m) {
        Set<String> keys = new LinkedHashSet<>(List.of("deck.title", "deck.description"));
        for (Card card : m.cards()) {
            keys.add("card." + card.id() + ".title");
            for (Activity a : card.activities()) {
                keys.add("card." + card.id() + "." + a.id());
                if (a instanceof Activity.Intro intro) {
                    keys.add("card." + card.id() + "." + a.id() + ".source");
                    if (intro.image() != null) {
                        keys.add("card." + card.id() + "." + a.id() + ".alt");
                    }
                }
            }
        }
        for (Setting s : m.settings()) {
            keys.add("setting." + s.key());
            s.choices().forEach(choice -> keys.add("setting." + s.key() + ".choice." + choice));
        }
        return keys;
    }

    static Set<String> optionalKeys(DeckManifest m) {
        Set<String> keys = new LinkedHashSet<>();
        for (Card card : m.cards()) {
            if (card.dimension() != null) {
                // the dimension's label; without one the UI names it after its first card's title
                keys.add("dimension." + card.dimension());
            }
            for (Activity a : card.activities()) {
                keys.add("card." + card.id() + "." + a.id() + ".help");
                keys.add("card." + card.id() + "." + a.id() + ".source");
            }
        }
        m.settings().forEach(s -> keys.add("setting." + s.key() + ".help"));
        return keys;
    }

    private static DeckTexts readTexts(DeckManifest m, DeckFiles files, Consumer<DeckProblem> problems) {
        Set<String> required = requiredKeys(m);
        Set<String> optional = optionalKeys(m);
        Set<String> allowed = new HashSet<>(required);
        allowed.addAll(optional);
        Map<Language, Map<String, String>> byLanguage = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            String file = DeckFiles.messagesFile(language.tag());
            Optional<byte[]> bytes = files.get(file);
            if (!m.locales().contains(language)) {
                if (bytes.isPresent()) {
                    problems.accept(DeckProblem.of("deck.problem.undeclared-locale", file, language.tag()));
                }
                continue;
            }
            if (bytes.isEmpty()) {
                problems.accept(DeckProblem.of("deck.problem.missing-file", file));
                continue;
            }
            Optional<Map<String, String>> texts = utf8Text(file, bytes.get(), problems)
                    .flatMap(text -> properties(file, text, problems));
            if (texts.isEmpty()) {
                continue;
            }
            for (String key : required) {
                String value = texts.get().get(key);
                if (value == null || value.isBlank()) {
                    problems.accept(DeckProblem.of("deck.problem.missing-text", language.tag(), key));
                }
            }
            texts.get().forEach((key, value) -> {
                String where = language.tag() + " › " + key;
                if (!allowed.contains(key)) {
                    problems.accept(DeckProblem.of("deck.problem.unknown-text", language.tag(), key));
                } else if (value.isBlank() && !required.contains(key)) {
                    problems.accept(DeckProblem.of("deck.problem.text-blank", where));
                } else {
                    PlainText.check(where, value, problems);
                    if (language != Language.FI) {
                        PlainText.checkNoFinnishForms(where, value, problems);
                    }
                }
            });
            byLanguage.put(language, texts.get());
        }
        checkOptionalTextsInEveryLanguage(optional, byLanguage, problems);
        return new DeckTexts(byLanguage);
    }

    /**
     * A text a deck may leave out (a hint, an activity's source) is either in every language it
     * declares or in none: a Swedish participant must not miss the hint a Finnish one gets.
     */
    private static void checkOptionalTextsInEveryLanguage(Set<String> optional, Map<Language, Map<String, String>> byLanguage,
                                                          Consumer<DeckProblem> problems) {
        Set<String> given = new TreeSet<>();
        byLanguage.values().forEach(texts -> texts.forEach((key, value) -> {
            if (optional.contains(key) && !value.isBlank()) {
                given.add(key);
            }
        }));
        byLanguage.forEach((language, texts) -> {
            for (String key : given) {
                if (!texts.containsKey(key)) {
                    problems.accept(DeckProblem.of("deck.problem.missing-text", language.tag(), key));
                }
            }
        });
    }

    private static Optional<Map<String, String>> properties(String file, String text, Consumer<DeckProblem> problems) {
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> duplicates = new LinkedHashSet<>();
        Properties strict = new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                if (values.putIfAbsent((String) key, ((String) value).strip()) != null) {
                    duplicates.add((String) key);
                }
                return super.put(key, value);
            }
        };
        try {
            strict.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            problems.accept(DeckProblem.of("deck.problem.messages-syntax", file));
            return Optional.empty();
        }
        duplicates.forEach(key -> problems.accept(DeckProblem.of("deck.problem.messages-duplicate", file, key)));
        return Optional.of(values);
    }

    static Optional<String> utf8Text(String file, byte[] bytes, Consumer<DeckProblem> problems) {
        if (bytes.length > MAX_FILE_BYTES) {
            problems.accept(DeckProblem.of("deck.problem.file-too-large", file, MAX_FILE_BYTES / 1024));
            return Optional.empty();
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.chars().anyMatch(c -> c == 0 || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t'))) {
                problems.accept(DeckProblem.of("deck.problem.binary-content", file));
                return Optional.empty();
            }
            return Optional.of(text);
        } catch (CharacterCodingException e) {
            problems.accept(DeckProblem.of("deck.problem.not-utf8", file));
            return Optional.empty();
        }
    }

    // --- images ------------------------------------------------------------------------------

    private static Map<String, DeckImage> readImages(DeckManifest m, DeckFiles files, Consumer<DeckProblem> problems) {
        Map<String, DeckImage> images = new TreeMap<>();
        for (Card card : m.cards()) {
            for (Activity a : card.activities()) {
                if (a instanceof Activity.Intro intro && intro.image() != null && !images.containsKey(intro.image())) {
                    Optional<byte[]> bytes = files.get(intro.image());
                    if (bytes.isEmpty()) {
                        problems.accept(DeckProblem.of("deck.problem.image-missing", intro.image()));
                        continue;
                    }
                    Optional<String> type = FileTypes.imageType(bytes.get());
                    if (type.isEmpty() || !FileTypes.extensionMatches(intro.image(), type.get())) {
                        problems.accept(DeckProblem.of("deck.problem.image-type", intro.image()));
                    } else if (bytes.get().length > MAX_IMAGE_BYTES) {
                        problems.accept(DeckProblem.of("deck.problem.file-too-large", intro.image(), MAX_IMAGE_BYTES / 1024));
                    } else {
                        images.put(intro.image(), new DeckImage(intro.image(), type.get(), bytes.get()));
                    }
                }
            }
        }
        return images;
    }
}
