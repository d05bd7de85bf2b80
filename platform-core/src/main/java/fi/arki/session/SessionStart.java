package fi.arki.session;

import fi.arki.directory.TeamId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a facilitator chooses to start a session: the owning teams (several for a session shared
 * across units), an enabled deck, the cards to run (all of the deck's, or one standalone card
 * for a short slot), the mode, and an optional title (the deck's title otherwise).
 */
public record SessionStart(List<TeamId> teams, String deckId, List<String> cardIds, SessionMode mode,
                           @Nullable String title) {

    public SessionStart {
        teams = List.copyOf(teams);
        cardIds = List.copyOf(cardIds);
    }
}
