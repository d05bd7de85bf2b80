package fi.arki.ui.session;

import fi.arki.deck.Activity;
import fi.arki.deck.DeckTexts;
import fi.arki.deck.InstalledDeck;
import fi.arki.session.LiveState;
import fi.arki.shared.Language;
import fi.arki.shared.OrganisationName;
import java.net.URI;
import java.util.Optional;

/** A session's deck texts in one viewer's language, with the organisation's name filled in. */
record SessionTexts(InstalledDeck deck, Language language, OrganisationName organisation) {

    DeckTexts texts() {
        return deck.texts();
    }

    String deckTitle() {
        return texts().text(language, "deck.title", organisation);
    }

    String cardTitle(String cardId) {
        return texts().text(language, "card." + cardId + ".title", organisation);
    }

    String question(LiveState.Step step) {
        return texts().text(language, "card." + step.cardId() + "." + step.activityId(), organisation);
    }

    Optional<String> help(LiveState.Step step) {
        return texts().find(language, "card." + step.cardId() + "." + step.activityId() + ".help")
                .or(() -> texts().find(Language.fallback(), "card." + step.cardId() + "." + step.activityId() + ".help"))
                .map(t -> organisation.fill(t, language));
    }

    Optional<String> source(LiveState.Step step) {
        return texts().find(language, "card." + step.cardId() + "." + step.activityId() + ".source")
                .or(() -> texts().find(Language.fallback(), "card." + step.cardId() + "." + step.activityId() + ".source"));
    }

    /** A dimension's name: the deck's {@code dimension.<id>} text, else the title of its first card. */
    String dimension(String dimension) {
        return texts().find(language, "dimension." + dimension).map(t -> organisation.fill(t, language))
                .or(() -> deck.manifest().cards().stream().filter(c -> dimension.equals(c.dimension())).findFirst()
                        .map(c -> cardTitle(c.id())))
                .orElse(dimension);
    }

    Activity activity(LiveState.Step step) {
        return deck.manifest().card(step.cardId()).flatMap(c -> c.activity(step.activityId())).orElseThrow();
    }

    /** A link from deck content, only if it is plain http(s): anything else is not shown as a link. */
    static Optional<String> safeLink(String url) {
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
