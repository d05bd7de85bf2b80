package fi.arki.ui.session;

import fi.arki.deck.Activity;
import fi.arki.deck.DeckTexts;
import fi.arki.deck.InstalledDeck;
import fi.arki.session.LiveState;
import fi.arki.session.SessionId;
import fi.arki.shared.Language;
import fi.arki.shared.OrganisationName;
import fi.arki.shared.TenantId;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A session's deck texts in one language, with the organisation's name filled in. Every viewer of
 * a session in the same language shares one instance ({@link #shared}), and each text is worked
 * out once: a step change reaching a thousand participants looks its texts up once, not a
 * thousand times.
 */
public final class SessionTexts {

    /** The heading of a step as every viewer in this language sees it. */
    public record StepText(String cardTitle, String question, Optional<String> help, Optional<String> source) {
    }

    private record Key(TenantId tenant, SessionId session, Language language, OrganisationName organisation, String deck) {
    }

    private static final int MAX_SHARED = 5_000;
    private static final Map<Key, SessionTexts> SHARED = new ConcurrentHashMap<>();

    private final InstalledDeck deck;
    private final Language language;
    private final OrganisationName organisation;
    private final Map<String, StepText> steps = new ConcurrentHashMap<>();
    private final Map<String, String> dimensions = new ConcurrentHashMap<>();
    private final Map<Long, String> progress = new ConcurrentHashMap<>();

    SessionTexts(InstalledDeck deck, Language language, OrganisationName organisation) {
        this.deck = deck;
        this.language = language;
        this.organisation = organisation;
    }

    /** The instance every viewer of this session in this language shares. */
    public static SessionTexts shared(TenantId tenant, SessionId session, InstalledDeck deck, Language language, OrganisationName organisation) {
        if (SHARED.size() > MAX_SHARED) {
            SHARED.clear(); // a cache, not a store: the next viewer of each session builds its texts again
        }
        return SHARED.computeIfAbsent(new Key(tenant, session, language, organisation, deck.id() + "@" + deck.version()),
                k -> new SessionTexts(deck, language, organisation));
    }

    public InstalledDeck deck() {
        return deck;
    }

    public Language language() {
        return language;
    }

    DeckTexts texts() {
        return deck.texts();
    }

    String deckTitle() {
        return texts().text(language, "deck.title", organisation);
    }

    String cardTitle(String cardId) {
        return texts().text(language, "card." + cardId + ".title", organisation);
    }

    public StepText step(LiveState.Step step) {
        return steps.computeIfAbsent(step.cardId() + "/" + step.activityId(), k -> new StepText(cardTitle(step.cardId()),
                texts().text(language, "card." + step.cardId() + "." + step.activityId(), organisation),
                optional(step, ".help").map(t -> organisation.fill(t, language)), optional(step, ".source")));
    }

    String question(LiveState.Step step) {
        return step(step).question();
    }

    Optional<String> help(LiveState.Step step) {
        return step(step).help();
    }

    public Optional<String> source(LiveState.Step step) {
        return step(step).source();
    }

    /**
     * "Step n / count" in this language, worked out once for all viewers (the i18n lookup and
     * message formatting were a visible part of each participant's step change).
     */
    public String progress(int index, int count, java.util.function.BiFunction<Integer, Integer, String> translate) {
        return progress.computeIfAbsent(((long) index << 32) | count, k -> translate.apply(index + 1, count));
    }

    /** An intro image's alternative text ({@code card.<card>.<activity>.alt}). */
    public Optional<String> alt(LiveState.Step step) {
        return optional(step, ".alt").map(t -> organisation.fill(t, language));
    }

    private Optional<String> optional(LiveState.Step step, String suffix) {
        String key = "card." + step.cardId() + "." + step.activityId() + suffix;
        return texts().find(language, key).or(() -> texts().find(Language.fallback(), key));
    }

    /** A dimension's name: the deck's {@code dimension.<id>} text, else the title of its first card. */
    public String dimension(String dimension) {
        return dimensions.computeIfAbsent(dimension, d -> texts().find(language, "dimension." + d)
                .map(t -> organisation.fill(t, language))
                .or(() -> deck.manifest().cards().stream().filter(c -> d.equals(c.dimension())).findFirst()
                        .map(c -> cardTitle(c.id())))
                .orElse(d));
    }

    public Activity activity(LiveState.Step step) {
        return deck.manifest().card(step.cardId()).flatMap(c -> c.activity(step.activityId())).orElseThrow();
    }

    /** A link from deck content, only if it is plain http(s): anything else is not shown as a link. */
    public static Optional<String> safeLink(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme();
            return ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) && uri.getHost() != null
                    ? Optional.of(uri.toString()) : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
