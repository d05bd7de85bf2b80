package fi.arki.session;

import fi.arki.session.internal.BusyPoolOnly;
import fi.arki.deck.Activity;
import fi.arki.deck.ActivityKind;
import fi.arki.session.internal.Changes;
import fi.arki.session.internal.Sessions;
import fi.arki.shared.AnonymousAllowed;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.Language;
import fi.arki.tenancy.TenantContext;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What participants write: answers, dots, ratings, touchpoints, and the language they read in
 * (joining is {@link JoinManagement}). Each action is one short transaction;
 * the caller may show "saved" when the method returns, because by then it has committed. Every
 * write is idempotent: answers and touchpoints carry an id made before the first attempt, votes
 * and ratings are absolute values, so a retry after an error or a lost reply stores nothing twice.
 */
// a burst of joiners can use up the connection pool for a moment: a call that got no connection in time
// (so began no transaction) is tried again, with a growing, random wait that spreads them out
@Retryable(predicate = BusyPoolOnly.class, maxRetries = 2, delay = 200, jitter = 100, multiplier = 2)
@Service
@Transactional
@AnonymousAllowed
public class ParticipantManagement {

    public static final int MAX_ANSWER = 2000;

    private final Sessions sessions;
    private final fi.arki.session.internal.ParticipantRows participantRows;
    private final fi.arki.session.internal.ContributionRows contributions;
    private final Changes changes;
    private final fi.arki.session.internal.PinnedDecks decks;
    private final fi.arki.session.internal.SessionDeckSettings deckSettings;
    private final fi.arki.session.internal.VoteOptions voteOptions;

    ParticipantManagement(Sessions sessions, Changes changes, fi.arki.session.internal.PinnedDecks decks,
                          fi.arki.session.internal.SessionDeckSettings deckSettings, fi.arki.session.internal.VoteOptions voteOptions, fi.arki.session.internal.ParticipantRows participantRows, fi.arki.session.internal.ContributionRows contributions) {
        this.participantRows = participantRows;
        this.contributions = contributions;
        this.sessions = sessions;
        this.changes = changes;
        this.decks = decks;
        this.deckSettings = deckSettings;
        this.voteOptions = voteOptions;
    }

    public void changeLanguage(SessionId session, ParticipantId participant, Language language) {
        participantRows.setLanguage(session, participant, language);
    }

    /**
     * Saves (or edits) one answer. Returns the version it committed at; writing the same text
     * with the same id again returns normally and stores nothing new.
     */
    public long writeAnswer(SessionId session, ParticipantId participant, int step, UUID answerId, @Nullable Lane lane, String text) {
        String body = cleanText(text, MAX_ANSWER);
        Optional<Long> written = contributions.upsertAnswer(session, participant, step, answerId, lane, body);
        if (written.isPresent()) {
            sessions.noteActivity(session);
            changes.afterCommit(TenantContext.require(), session, written.get());
            return written.get();
        }
        Optional<fi.arki.session.internal.ContributionRows.StoredAnswer> stored = contributions.answer(session, answerId);
        if (stored.isPresent() && stored.get().author().equals(participant) && stored.get().step() == step
                && stored.get().body().equals(body) && (lane == null ? stored.get().lane() == null : lane.code().equals(stored.get().lane()))) {
            return stored.get().version();
        }
        throw refusal(session, step, stored.isPresent());
    }

    public void deleteAnswer(SessionId session, ParticipantId participant, int step, UUID answerId) {
        requireOpen(session, step, ActivityKind.PROMPT, ActivityKind.START_CONTINUE_STOP);
        changes.afterCommit(TenantContext.require(), session, contributions.deleteAnswer(session, participant, answerId));
    }

    private InvalidInputException refusal(SessionId session, int step, boolean notYours) {
        Sessions.StepState state = sessions.stepState(session, step).orElse(null);
        if (state == null) {
            return new InvalidInputException("session.error.no-such-step");
        }
        if (!"running".equals(state.status())) {
            return new InvalidInputException("session.error.closed");
        }
        if (state.locked()) {
            return new InvalidInputException("session.error.step-locked");
        }
        return new InvalidInputException(notYours ? "session.error.not-yours" : "session.error.wrong-step");
    }

    private Sessions.StepState requireOpen(SessionId session, int step, ActivityKind... kinds) {
        Sessions.StepState state = sessions.stepState(session, step).orElseThrow(() -> new InvalidInputException("session.error.no-such-step"));
        if (!"running".equals(state.status())) {
            throw new InvalidInputException("session.error.closed");
        }
        if (state.locked()) {
            throw new InvalidInputException("session.error.step-locked");
        }
        if (java.util.Arrays.stream(kinds).noneMatch(k -> k.code().equals(state.kind()))) {
            throw new InvalidInputException("session.error.wrong-step");
        }
        return state;
    }

    /** Gives an item (an answer or a group) this many dots; all of a participant's dots stay within the budget. */
    public long setDots(SessionId session, ParticipantId participant, int step, UUID item, int dots) {
        Sessions.StepState state = requireOpen(session, step, ActivityKind.VOTE);
        SessionInfo info = sessions.find(session).orElseThrow();
        Activity.Vote vote = (Activity.Vote) decks.activity(info, state.cardId(), state.activityId());
        if (dots < 0) {
            throw new InvalidInputException("session.error.dots-negative");
        }
        if (!participantRows.lockParticipant(session, participant)) {
            throw new InvalidInputException("session.error.not-participant");
        }
        int source = sessions.stepIndex(session, state.cardId(), vote.of())
                .orElseThrow(() -> new IllegalStateException("Vote source missing"));
        if (!voteOptions.offers(session, source, groupedBy(info, session, source), item)) {
            throw new InvalidInputException("session.error.no-such-item");
        }
        int budget = deckSettings.voteBudget(info, vote);
        if (contributions.dotsElsewhere(session, step, participant, item) + dots > budget) {
            throw new InvalidInputException("session.error.budget", budget);
        }
        long version = contributions.setDots(TenantContext.require(), session, step, participant, item, dots);
        sessions.noteActivity(session);
        changes.afterCommit(TenantContext.require(), session, version);
        return version;
    }

    /** Where a vote is over a group step: the step whose answers that step groups (they are votable when in no group). */
    private @Nullable Integer groupedBy(SessionInfo info, SessionId session, int source) {
        Sessions.StepState over = sessions.stepState(session, source).orElseThrow();
        if (!ActivityKind.GROUP.code().equals(over.kind())) {
            return null;
        }
        Activity.Group group = (Activity.Group) decks.activity(info, over.cardId(), over.activityId());
        return sessions.stepIndex(session, over.cardId(), group.of()).orElse(null);
    }

    /** Rates a rate or pulse step on its scale (a participant's latest rating counts). */
    public long rate(SessionId session, ParticipantId participant, int step, int value) {
        Sessions.StepState state = requireOpen(session, step, ActivityKind.RATE, ActivityKind.PULSE);
        SessionInfo info = sessions.find(session).orElseThrow();
        Activity activity = decks.activity(info, state.cardId(), state.activityId());
        var scale = activity instanceof Activity.Rate r ? r.scale() : ((Activity.Pulse) activity).scale();
        if (!scale.accepts(value)) {
            throw new InvalidInputException("session.error.rating-range", scale.min(), scale.max());
        }
        long version = contributions.rate(TenantContext.require(), session, step, participant, value);
        sessions.noteActivity(session);
        changes.afterCommit(TenantContext.require(), session, version);
        return version;
    }

    /** Adds a touchpoint to a journey map (once per id). */
    public long addTouchpoint(SessionId session, ParticipantId participant, int step, UUID id, Activity.JourneyStage stage,
                              Activity.TouchpointOwner owner, String label, int emotion, int effort) {
        Sessions.StepState state = requireOpen(session, step, ActivityKind.JOURNEY_MAP);
        SessionInfo info = sessions.find(session).orElseThrow();
        Activity.JourneyMap map = (Activity.JourneyMap) decks.activity(info, state.cardId(), state.activityId());
        if (!map.stages().contains(stage) || !map.owners().contains(owner)) {
            throw new InvalidInputException("session.error.journey-choice");
        }
        if (emotion < 1 || emotion > 5 || effort < 1 || effort > 7) {
            throw new InvalidInputException("session.error.journey-scale");
        }
        String clean = cleanText(label, 300);
        if (contributions.touchpointExists(session, id)) {
            return 0; // a retry of one already stored
        }
        int limit = deckSettings.touchpointsPerStage(info);
        if (limit > 0) {
            // one writer per session at a time here, so that two at once cannot both take the last place
            sessions.lockRunning(session).orElseThrow(() -> new InvalidInputException("session.error.closed"));
            if (contributions.touchpointCount(session, step, stage) >= limit) {
                throw new InvalidInputException("session.error.touchpoints-full", limit);
            }
        }
        Optional<Long> version = contributions.addTouchpoint(TenantContext.require(), session, step, participant, id, stage, owner,
                clean, emotion, effort);
        if (version.isEmpty()) {
            return 0;
        }
        sessions.noteActivity(session);
        changes.afterCommit(TenantContext.require(), session, version.get());
        return version.get();
    }

    /** Text as participants may write it: trimmed, not empty, not too long, no control characters but line breaks. */
    static String cleanText(@Nullable String text, int max) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("session.error.text-empty");
        }
        if (trimmed.length() > max) {
            throw new InvalidInputException("session.error.text-too-long", max);
        }
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new InvalidInputException("error.text.control-characters");
        }
        return trimmed;
    }
}
