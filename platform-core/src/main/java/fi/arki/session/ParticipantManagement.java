package fi.arki.session;

import fi.arki.session.internal.BusyPoolOnly;
import fi.arki.deck.Activity;
import fi.arki.deck.ActivityKind;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Team;
import fi.arki.directory.TeamId;
import fi.arki.directory.UnitId;
import fi.arki.shared.AsArki;
import fi.arki.session.internal.Changes;
import fi.arki.session.internal.Sessions;
import fi.arki.shared.AnonymousAllowed;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.Language;
import fi.arki.shared.Names;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantSettingsManagement;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What participants do: join, write, vote, rate and map. Each action is one short transaction;
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
// Long on purpose for now (~400 lines): every participant write (join, answers, votes, ratings, touchpoints) with its access rule and
// idempotent write path; split by activity kind together with SessionManagement (issue 11 item 10).
public class ParticipantManagement {

    public static final int MAX_ANSWER = 2000;

    private final Sessions sessions;
    private final Changes changes;
    private final SessionManagement management;
    private final DirectoryManagement directory;
    private final TenantSettingsManagement settings;
    private final fi.arki.tenancy.TenantManagement tenants;
    private final fi.arki.session.internal.VoteOptions voteOptions;
    private final SecureRandom random = new SecureRandom();

    ParticipantManagement(Sessions sessions, Changes changes, SessionManagement management, DirectoryManagement directory,
                          TenantSettingsManagement settings, fi.arki.tenancy.TenantManagement tenants,
                          fi.arki.session.internal.VoteOptions voteOptions) {
        this.sessions = sessions;
        this.changes = changes;
        this.management = management;
        this.directory = directory;
        this.settings = settings;
        this.tenants = tenants;
        this.voteOptions = voteOptions;
    }

    // ---- joining ---------------------------------------------------------------------------

    /**
     * Joins a running session. A member of a named session who has joined before gets the same
     * participant back; everyone else becomes a new participant. Guests only where the tenant
     * allows them.
     */
    public Joined join(SessionId session, Joiner joiner) {
        TenantId tenant = TenantContext.require();
        SessionInfo info = sessions.find(session).orElseThrow(() -> new InvalidInputException("session.error.not-found"));
        if (!info.running()) {
            throw new InvalidInputException("session.error.closed");
        }
        String secret = newSecret();
        if (joiner.guest()) {
            if (!AsArki.call(() -> settings.current().guestsAllowed())) {
                throw new InvalidInputException("session.error.guests-not-allowed");
            }
        } else if (info.mode() == SessionMode.NAMED) {
            Optional<ParticipantId> known = sessions.participantOfPerson(session, joiner.member());
            if (known.isPresent()) {
                sessions.setSecretHash(session, known.get(), hash(secret)); // the stored language stays: it follows them (ParticipantLanguageManagement)
                return new Joined(session, known.get(), secret);
            }
        }
        String name = null;
        if (info.mode() == SessionMode.NAMED) {
            name = Names.require(joiner.name());
        }
        boolean byTeam = management.attributeToTeams(info);
        Attribution attribution = AsArki.call(() -> attributionFor(info, joiner, byTeam));
        ParticipantId id = ParticipantId.random();
        // anonymous sessions record no person, not even for members
        sessions.insertParticipant(tenant, session, id, info.mode() == SessionMode.NAMED ? joiner.member() : null,
                joiner.guest(), name, attribution.unit(), attribution.team(), joiner.language(), hash(secret));
        changes.afterCommit(tenant, session, sessions.touch(session));
        return new Joined(session, id, secret);
    }

    /** The units a participant of this session may speak for: those of its owning teams. */
    @Transactional(readOnly = true)
    public List<UnitId> unitsOf(SessionInfo info) {
        return AsArki.call(() -> unitIds(info));
    }

    private List<UnitId> unitIds(SessionInfo info) {
        return info.teams().stream().map(directory::findTeam).flatMap(Optional::stream).map(Team::unitId).distinct().toList();
    }

    /** Who a participant speaks for: a unit, and where the deck attributes answers to teams, a team of the session. */
    private record Attribution(@Nullable UnitId unit, @Nullable TeamId team) {
    }

    /**
     * A chosen team must be one of the session's; its unit is the participant's unit (also where
     * the deck attributes to units: a join page read before the setting was turned off still
     * attributes rightly). Where the deck attributes to teams and none is chosen, the team is the
     * session's only team, or the one of the session's teams the member belongs to; anyone else
     * has to choose.
     */
    private Attribution attributionFor(SessionInfo info, Joiner joiner, boolean byTeam) {
        if (joiner.team() != null) {
            if (!info.teams().contains(joiner.team())) {
                throw new InvalidInputException("session.error.team-not-in-session");
            }
            return new Attribution(unitOf(joiner.team()), byTeam ? joiner.team() : null);
        }
        if (!byTeam) {
            return new Attribution(unitFor(info, joiner), null);
        }
        TeamId team = teamFor(info, joiner);
        return new Attribution(unitOf(team), team);
    }

    private TeamId teamFor(SessionInfo info, Joiner joiner) {
        if (info.teams().size() == 1) {
            return info.teams().getFirst();
        }
        if (joiner.member() != null) {
            List<TeamId> own = directory.teamsOf(joiner.member()).stream().map(DirectoryManagement.Membership::team)
                    .filter(info.teams()::contains).distinct().toList();
            if (own.size() == 1) {
                return own.getFirst();
            }
        }
        throw new InvalidInputException("session.error.team-required");
    }

    private @Nullable UnitId unitOf(TeamId team) {
        return directory.findTeam(team).map(Team::unitId).orElse(null);
    }

    private @Nullable UnitId unitFor(SessionInfo info, Joiner joiner) {
        List<UnitId> units = unitIds(info);
        if (joiner.unit() != null) {
            if (!units.contains(joiner.unit())) {
                throw new InvalidInputException("session.error.unit-not-in-session");
            }
            return joiner.unit();
        }
        if (joiner.member() != null) {
            for (var team : info.teams()) {
                if (directory.membersOf(team).stream().anyMatch(p -> p.id().equals(joiner.member()))) {
                    return directory.findTeam(team).map(Team::unitId).orElse(null);
                }
            }
        }
        return units.size() == 1 ? units.getFirst() : null;
    }

    /**
     * What the join page shows before anyone joins: whether guests may, the organisation's name,
     * the units to speak for, or the teams where the session's deck attributes answers to teams.
     */
    @Transactional(readOnly = true)
    public JoinInfo joinInfo(SessionInfo info) {
        return AsArki.call(() -> {
            var tenantSettings = settings.current();
            String name = tenants.find(TenantContext.require()).map(t -> t.name()).orElse("");
            List<UnitId> units = unitIds(info);
            java.util.Map<UnitId, String> names = new java.util.LinkedHashMap<>();
            if (units.size() > 1) {
                var all = directory.organisation().units();
                for (UnitId unit : units) {
                    all.stream().filter(u -> u.unit().id().equals(unit)).findFirst().ifPresent(u -> names.put(unit, u.unit().name()));
                }
            }
            // the session's teams as this tenant's directory has them: a session of another tenant has none here,
            // and its deck (which this tenant may not see) is not looked up
            List<TeamId> own = info.teams().stream().filter(team -> directory.findTeam(team).isPresent()).toList();
            List<TeamId> teams = !own.isEmpty() && management.attributeToTeams(info) ? own : List.of();
            java.util.Map<TeamId, String> teamNames = new java.util.LinkedHashMap<>();
            if (teams.size() > 1) {
                teams.forEach(team -> directory.findTeam(team).ifPresent(t -> teamNames.put(team, t.name())));
            }
            return new JoinInfo(tenantSettings.guestsAllowed(), tenantSettings.organisationName(name), units, names, teams, teamNames);
        });
    }

    /** The participant a browser's saved pass belongs to, if the pass is right. */
    @Transactional(readOnly = true)
    public Optional<ParticipantId> resume(SessionId session, @Nullable String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        ParticipantId id;
        try {
            id = new ParticipantId(UUID.fromString(token.substring(0, dot)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String expected = sessions.secretHash(session, id).orElse(null);
        return expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                hash(token.substring(dot + 1)).getBytes(StandardCharsets.US_ASCII)) ? Optional.of(id) : Optional.empty();
    }

    public void changeLanguage(SessionId session, ParticipantId participant, Language language) {
        sessions.setLanguage(session, participant, language);
    }

    // ---- writing ---------------------------------------------------------------------------

    /**
     * Saves (or edits) one answer. Returns the version it committed at; writing the same text
     * with the same id again returns normally and stores nothing new.
     */
    public long writeAnswer(SessionId session, ParticipantId participant, int step, UUID answerId, @Nullable Lane lane, String text) {
        String body = cleanText(text, MAX_ANSWER);
        Optional<Long> written = sessions.upsertAnswer(session, participant, step, answerId, lane, body);
        if (written.isPresent()) {
            sessions.noteActivity(session);
            changes.afterCommit(TenantContext.require(), session, written.get());
            return written.get();
        }
        Optional<Sessions.StoredAnswer> stored = sessions.answer(session, answerId);
        if (stored.isPresent() && stored.get().author().equals(participant) && stored.get().step() == step
                && stored.get().body().equals(body) && (lane == null ? stored.get().lane() == null : lane.code().equals(stored.get().lane()))) {
            return stored.get().version();
        }
        throw refusal(session, step, stored.isPresent());
    }

    public void deleteAnswer(SessionId session, ParticipantId participant, int step, UUID answerId) {
        requireOpen(session, step, ActivityKind.PROMPT, ActivityKind.START_CONTINUE_STOP);
        changes.afterCommit(TenantContext.require(), session, sessions.deleteAnswer(session, participant, answerId));
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
        Activity.Vote vote = (Activity.Vote) management.activity(info, state.cardId(), state.activityId());
        if (dots < 0) {
            throw new InvalidInputException("session.error.dots-negative");
        }
        if (!sessions.lockParticipant(session, participant)) {
            throw new InvalidInputException("session.error.not-participant");
        }
        int source = sessions.stepIndex(session, state.cardId(), vote.of())
                .orElseThrow(() -> new IllegalStateException("Vote source missing"));
        if (!voteOptions.offers(session, source, groupedBy(info, session, source), item)) {
            throw new InvalidInputException("session.error.no-such-item");
        }
        int budget = management.voteBudget(info, vote);
        if (sessions.dotsElsewhere(session, step, participant, item) + dots > budget) {
            throw new InvalidInputException("session.error.budget", budget);
        }
        long version = sessions.setDots(TenantContext.require(), session, step, participant, item, dots);
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
        Activity.Group group = (Activity.Group) management.activity(info, over.cardId(), over.activityId());
        return sessions.stepIndex(session, over.cardId(), group.of()).orElse(null);
    }

    /** Rates a rate or pulse step on its scale (a participant's latest rating counts). */
    public long rate(SessionId session, ParticipantId participant, int step, int value) {
        Sessions.StepState state = requireOpen(session, step, ActivityKind.RATE, ActivityKind.PULSE);
        SessionInfo info = sessions.find(session).orElseThrow();
        Activity activity = management.activity(info, state.cardId(), state.activityId());
        var scale = activity instanceof Activity.Rate r ? r.scale() : ((Activity.Pulse) activity).scale();
        if (!scale.accepts(value)) {
            throw new InvalidInputException("session.error.rating-range", scale.min(), scale.max());
        }
        long version = sessions.rate(TenantContext.require(), session, step, participant, value);
        sessions.noteActivity(session);
        changes.afterCommit(TenantContext.require(), session, version);
        return version;
    }

    /** Adds a touchpoint to a journey map (once per id). */
    public long addTouchpoint(SessionId session, ParticipantId participant, int step, UUID id, Activity.JourneyStage stage,
                              Activity.TouchpointOwner owner, String label, int emotion, int effort) {
        Sessions.StepState state = requireOpen(session, step, ActivityKind.JOURNEY_MAP);
        SessionInfo info = sessions.find(session).orElseThrow();
        Activity.JourneyMap map = (Activity.JourneyMap) management.activity(info, state.cardId(), state.activityId());
        if (!map.stages().contains(stage) || !map.owners().contains(owner)) {
            throw new InvalidInputException("session.error.journey-choice");
        }
        if (emotion < 1 || emotion > 5 || effort < 1 || effort > 7) {
            throw new InvalidInputException("session.error.journey-scale");
        }
        String clean = cleanText(label, 300);
        if (sessions.touchpointExists(session, id)) {
            return 0; // a retry of one already stored
        }
        int limit = management.touchpointsPerStage(info);
        if (limit > 0) {
            // one writer per session at a time here, so that two at once cannot both take the last place
            sessions.lockRunning(session).orElseThrow(() -> new InvalidInputException("session.error.closed"));
            if (sessions.touchpointCount(session, step, stage) >= limit) {
                throw new InvalidInputException("session.error.touchpoints-full", limit);
            }
        }
        Optional<Long> version = sessions.addTouchpoint(TenantContext.require(), session, step, participant, id, stage, owner,
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

    private String newSecret() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
