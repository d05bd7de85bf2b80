package fi.arki.session;

import fi.arki.deck.Activity;
import fi.arki.session.internal.ActingPerson;
import fi.arki.session.internal.GroupingSuggestions;
import fi.arki.shared.AccessRoles;
import fi.arki.shared.InvalidInputException;
import fi.arki.tenancy.TenantSettingsManagement;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suggested groups for a grouping step: the answers of the activity it groups that are in no group
 * yet, proposed together where they are alike (session.internal.GroupingSuggestions, Lucene's
 * analyzers on this server; no text leaves it). Suggesting changes nothing: the facilitator accepts
 * a suggestion through {@link FacilitationManagement#saveGroup} and {@link FacilitationManagement#assign}.
 * Only the session's facilitators (who is acting is read from the security context) may ask.
 */
@Service
@Transactional(readOnly = true)
public class GroupingSuggestionManagement {

    private final SessionManagement sessions;
    private final TenantSettingsManagement settings;
    private final ActingPerson acting;

    GroupingSuggestionManagement(SessionManagement sessions, TenantSettingsManagement settings, ActingPerson acting) {
        this.sessions = sessions;
        this.settings = settings;
        this.acting = acting;
    }

    @RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
    public List<SuggestedGroup> suggest(SessionId session, int groupStep) {
        SessionInfo info = sessions.find(session).orElseThrow(() -> new InvalidInputException("session.error.not-found"));
        if (!acting.arki() && acting.find().filter(person -> sessions.isFacilitator(session, person)).isEmpty()) {
            throw new InvalidInputException("session.error.not-facilitator");
        }
        LiveState state = sessions.state(session);
        LiveState.Step step = state.step(groupStep).orElseThrow(() -> new InvalidInputException("session.error.no-such-step"));
        Activity activity = sessions.deckOf(info).manifest().card(step.cardId()).flatMap(c -> c.activity(step.activityId()))
                .orElseThrow(() -> new InvalidInputException("session.error.no-such-step"));
        if (!(activity instanceof Activity.Group group)) {
            throw new InvalidInputException("session.error.no-such-step");
        }
        int source = state.steps().stream().filter(s -> s.cardId().equals(step.cardId()) && s.activityId().equals(group.of()))
                .findFirst().map(LiveState.Step::index).orElseThrow(() -> new InvalidInputException("session.error.no-such-step"));
        Map<UUID, UUID> grouped = state.grouping(groupStep);
        List<GroupingSuggestions.Text> open = state.answers(source).stream().filter(a -> !grouped.containsKey(a.id()))
                .map(a -> new GroupingSuggestions.Text(a.id(), a.text())).toList();
        return GroupingSuggestions.suggest(open, settings.current().defaultLanguage()).stream()
                .map(s -> new SuggestedGroup(s.label(), s.answers())).toList();
    }
}
