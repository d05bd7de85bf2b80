package fi.arki.deck.internal;

import fi.arki.deck.DeckManifest;
import fi.arki.deck.DeckOrigin;
import fi.arki.deck.DeckProblem;
import fi.arki.deck.DeckState;
import fi.arki.deck.DeckTexts;
import fi.arki.deck.InstalledDeck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns stored deck versions into the model, and says whether each runs on this platform.
 * Stored content never changes, so what was parsed once is kept by its content hash.
 */
public class DeckContents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Parsed(DeckManifest manifest, DeckTexts texts) {
    }

    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();
    private final SemanticVersion platformVersion;

    public DeckContents(SemanticVersion platformVersion) {
        this.platformVersion = platformVersion.release();
    }

    public SemanticVersion platformVersion() {
        return platformVersion;
    }

    public InstalledDeck installed(StoredDeck stored) {
        Parsed p = parsed.computeIfAbsent(stored.contentHash() + "/" + stored.deckId() + "/" + stored.version(),
                key -> new Parsed(DeckReader.manifestOf(stored.manifestJson()), DeckReader.textsOf(stored.textsJson())));
        return new InstalledDeck(p.manifest(), p.texts(), stored.origin(), stored.origin() == DeckOrigin.CODE || stored.signed());
    }

    /** Why a stored version cannot be offered on this platform (empty if it can). */
    public List<DeckProblem> problems(InstalledDeck deck) {
        List<DeckProblem> problems = new ArrayList<>();
        SemanticVersion.Range.parse(deck.manifest().platformVersions())
                .filter(range -> !range.includes(platformVersion))
                .ifPresent(range -> problems.add(DeckProblem.of("deck.problem.platform-unsupported", range, platformVersion)));
        return problems;
    }

    public DeckState state(InstalledDeck deck) {
        return problems(deck).isEmpty() ? DeckState.ACTIVE : DeckState.FAILED;
    }

    public static String problemsToJson(List<DeckProblem> problems) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (DeckProblem p : problems) {
            ObjectNode o = array.addObject();
            o.put("key", p.key());
            ArrayNode args = o.putArray("args");
            p.args().forEach(args::add);
        }
        return JSON.writeValueAsString(array);
    }

    public static List<DeckProblem> problemsOf(String json) {
        List<DeckProblem> problems = new ArrayList<>();
        for (JsonNode p : JSON.readTree(json)) {
            List<String> args = new ArrayList<>();
            p.path("args").forEach(a -> args.add(a.asString()));
            problems.add(new DeckProblem(p.path("key").asString(), args));
        }
        return problems;
    }
}
