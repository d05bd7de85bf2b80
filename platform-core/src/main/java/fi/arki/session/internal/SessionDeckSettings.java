package fi.arki.session.internal;

import fi.arki.deck.Activity;
import fi.arki.deck.DeckCatalog;
import fi.arki.session.SessionInfo;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The deck settings a session's rules read, one typed method each: a setting counts only where the
 * session's pinned deck declares it, and then with the tenant's value (the deck's default
 * otherwise). Issue 13 replaces this with a typed settings SPI of the deck module.
 */
@Component
public class SessionDeckSettings {

    static final String VOTE_BUDGET = "vote-budget";
    static final String TOUCHPOINTS_PER_STAGE = "touchpoints-per-stage";
    static final String ATTRIBUTE_TO_TEAMS = "attribute-to-teams";

    private final ObjectProvider<DeckCatalog> catalog;
    private final PinnedDecks decks;

    SessionDeckSettings(ObjectProvider<DeckCatalog> catalog, PinnedDecks decks) {
        this.catalog = catalog;
        this.decks = decks;
    }

    /**
     * Dots per participant in a vote: the activity's budget, unless the deck declares a
     * {@code vote-budget} setting, in which case the tenant's value of it (its default otherwise).
     */
    public int voteBudget(SessionInfo session, Activity.Vote vote) {
        DeckCatalog registry = catalog.getIfAvailable();
        if (registry == null) {
            return vote.budget();
        }
        var settings = registry.settings(decks.of(session));
        return settings.definition(VOTE_BUDGET).isPresent() ? settings.integer(VOTE_BUDGET) : vote.budget();
    }

    /**
     * How many touchpoints a journey map takes per stage: the tenant's value of the deck's
     * {@code touchpoints-per-stage} setting if the deck declares one; 0 (no limit) otherwise.
     */
    public int touchpointsPerStage(SessionInfo session) {
        DeckCatalog registry = catalog.getIfAvailable();
        if (registry == null) {
            return 0;
        }
        var settings = registry.settings(decks.of(session));
        return settings.definition(TOUCHPOINTS_PER_STAGE).isPresent() ? Math.max(0, settings.integer(TOUCHPOINTS_PER_STAGE)) : 0;
    }

    /**
     * Whether answers of this session are shown under the participant's team rather than unit:
     * the tenant's value of the deck's {@code attribute-to-teams} setting if the deck declares
     * one; false otherwise. Read when someone joins: what a participant joined under stays.
     */
    public boolean attributeToTeams(SessionInfo session) {
        DeckCatalog registry = catalog.getIfAvailable();
        if (registry == null) {
            return false;
        }
        var settings = registry.settings(decks.of(session));
        return settings.definition(ATTRIBUTE_TO_TEAMS).isPresent() && settings.bool(ATTRIBUTE_TO_TEAMS);
    }
}
