package fi.arki.session;

import fi.arki.session.internal.BusyPoolOnly;
import fi.arki.deck.Activity;
import fi.arki.deck.Card;
import fi.arki.deck.DeckCatalog;
import fi.arki.deck.InstalledDeck;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.PersonId;
import fi.arki.directory.TeamId;
import fi.arki.followup.DevelopmentTarget;
import fi.arki.followup.FollowupManagement;
import fi.arki.followup.ReviewOutcome;
import fi.arki.followup.TargetDraft;
import fi.arki.followup.TargetId;
import fi.arki.shared.AsArki;
import fi.arki.session.internal.Changes;
import fi.arki.session.internal.JoinCodes;
import fi.arki.session.internal.Sessions;
import fi.arki.shared.AccessRoles;
import fi.arki.shared.AnonymousAllowed;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.Names;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.tenancy.TenantSettings;
import fi.arki.tenancy.TenantSettingsManagement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts sessions and carries out what facilitators do in them, for the tenant bound to the call.
 * Every change is one short transaction; its announcement to the views follows the commit.
 */
@Service
@Transactional
// Long on purpose for now (~550 lines): starting, facilitation and deck settings still share this facade. Issue 11 item 10 splits it by
// responsibility (and takes the actor from the security context); new behaviour already goes into small classes (VoteOptions, HeldAnswers,
// SlotSteps, StartableTeams, TargetOwnerNames) so this one does not grow further.
public class SessionManagement {

    public static final Duration MAX_TIMER = Duration.ofMinutes(60);

    private final Sessions sessions;
    private final Changes changes;
    private final ObjectProvider<DeckCatalog> catalog;
    private final DirectoryManagement directory;
    private final TenantSettingsManagement settings;
    private final TenantManagement tenants;
    private final FollowupManagement followup;
    private final ApplicationEventPublisher events;
    private final fi.arki.session.internal.HeldAnswers heldAnswers;
    private final fi.arki.session.internal.NoNewTargets noNewTargets;
    private final Map<String, InstalledDeck> decks = new ConcurrentHashMap<>();

    SessionManagement(Sessions sessions, Changes changes, ObjectProvider<DeckCatalog> catalog, DirectoryManagement directory,
                      TenantSettingsManagement settings, TenantManagement tenants, FollowupManagement followup,
                      ApplicationEventPublisher events, fi.arki.session.internal.HeldAnswers heldAnswers,
                      fi.arki.session.internal.NoNewTargets noNewTargets) {
        this.noNewTargets = noNewTargets;
        this.sessions = sessions;
        this.changes = changes;
        this.catalog = catalog;
        this.directory = directory;
        this.settings = settings;
        this.tenants = tenants;
        this.followup = followup;
        this.events = events;
        this.heldAnswers = heldAnswers;
    }

    // ---- decks -----------------------------------------------------------------------------

    /** The decks the current tenant may run (none until a deck registry is installed). */
    @Transactional(readOnly = true)
    @RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
    public List<InstalledDeck> enabledDecks() {
        DeckCatalog decks = catalog.getIfAvailable();
        return decks == null ? List.of() : decks.enabledForCurrentTenant();
    }

    /** The exact deck version a session pinned. Versions never change, so they are kept once read. */
    @Transactional(readOnly = true)
    @AnonymousAllowed
    @Retryable(predicate = BusyPoolOnly.class, maxRetries = 2, delay = 200, jitter = 100, multiplier = 2)
    public InstalledDeck deckOf(SessionInfo session) {
        return deck(session.deckId(), session.deckVersion());
    }

    InstalledDeck deck(String deckId, String version) {
        String key = TenantContext.require() + "/" + deckId + "/" + version;
        InstalledDeck known = decks.get(key);
        if (known != null) {
            return known;
        }
        DeckCatalog registry = catalog.getIfAvailable();
        InstalledDeck found = registry == null ? null : registry.find(deckId, version).orElse(null);
        if (found == null) {
            throw new InvalidInputException("session.error.deck-missing", deckId, version);
        }
        decks.put(key, found);
        return found;
    }

    /**
     * Dots per participant in a vote: the activity's budget, unless the deck declares a
     * {@code vote-budget} setting, in which case the tenant's value of it (its default otherwise).
     */
    int voteBudget(SessionInfo session, Activity.Vote vote) {
        DeckCatalog registry = catalog.getIfAvailable();
        if (registry == null) {
            return vote.budget();
        }
        InstalledDeck deck = deckOf(session);
        var settings = registry.settings(deck);
        return settings.definition(VOTE_BUDGET).isPresent() ? settings.integer(VOTE_BUDGET) : vote.budget();
    }

    static final String VOTE_BUDGET = "vote-budget";

    /**
     * How many touchpoints a journey map takes per stage: the tenant's value of the deck's
     * {@code touchpoints-per-stage} setting if the deck declares one; 0 (no limit) otherwise.
     */
    int touchpointsPerStage(SessionInfo session) {
        DeckCatalog registry = catalog.getIfAvailable();
        if (registry == null) {
            return 0;
        }
        var settings = registry.settings(deckOf(session));
        return settings.definition(TOUCHPOINTS_PER_STAGE).isPresent() ? Math.max(0, settings.integer(TOUCHPOINTS_PER_STAGE)) : 0;
    }

    static final String TOUCHPOINTS_PER_STAGE = "touchpoints-per-stage";

    /**
     * Whether answers of this session are shown under the participant's team rather than unit:
     * the tenant's value of the deck's {@code attribute-to-teams} setting if the deck declares
     * one; false otherwise. Read when someone joins: what a participant joined under stays.
     */
    boolean attributeToTeams(SessionInfo session) {
        DeckCatalog registry = catalog.getIfAvailable();
        if (registry == null) {
            return false;
        }
        var settings = registry.settings(deckOf(session));
        return settings.definition(ATTRIBUTE_TO_TEAMS).isPresent() && settings.bool(ATTRIBUTE_TO_TEAMS);
    }

    static final String ATTRIBUTE_TO_TEAMS = "attribute-to-teams";

    /** The activity of one step of a session, from its pinned deck. */
    Activity activity(SessionInfo session, String cardId, String activityId) {
        return deckOf(session).manifest().card(cardId).flatMap(c -> c.activity(activityId))
                .orElseThrow(() -> new IllegalStateException("Step not in the pinned deck: " + cardId + "/" + activityId));
    }

    // ---- starting and finding --------------------------------------------------------------

    @RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
    public SessionInfo start(PersonId facilitator, SessionStart spec) {
        TenantId tenant = TenantContext.require();
        if (spec.teams().isEmpty()) {
            throw new InvalidInputException("session.error.no-team");
        }
        List<TeamId> teams = List.copyOf(new LinkedHashSet<>(spec.teams()));
        for (TeamId team : teams) {
            if (directory.findTeam(team).isEmpty()) {
                throw new InvalidInputException("session.error.team-not-found");
            }
        }
        // a facilitator runs sessions for their own teams only (what a team writes is the team's); see StartableTeams
        List<TeamId> startable = StartableTeams.of(directory, facilitator).stream().map(fi.arki.directory.Team::id).toList();
        if (!startable.containsAll(teams)) {
            throw new InvalidInputException("session.error.team-not-yours");
        }
        InstalledDeck deck = enabledDecks().stream().filter(d -> d.id().equals(spec.deckId())).findFirst()
                .orElseThrow(() -> new InvalidInputException("session.error.deck-not-enabled"));
        List<Card> cards = chosenCards(deck, spec.cardIds());
        List<Sessions.StepRow> steps = new ArrayList<>();
        for (SlotSteps.Step step : SlotSteps.of(cards)) {
            steps.add(new Sessions.StepRow(steps.size(), step.card().id(), step.activity().id(), step.activity().kind()));
        }
        if (steps.isEmpty()) {
            throw new InvalidInputException("session.error.no-cards");
        }
        TenantSettings tenantSettings = settings.current();
        String title = spec.title() == null || spec.title().isBlank()
                ? defaultTitle(deck, cards, tenantSettings) : Names.require(spec.title());
        SessionId id = SessionId.random();
        sessions.insert(tenant, id, deck.id(), deck.version(), title, spec.mode(), facilitator, teams, steps);
        OffsetDateTime expires = OffsetDateTime.now().plus(JoinCodes.LIFETIME);
        String code;
        do {
            code = JoinCodes.newCode();
        } while (!sessions.insertJoinCode(code, tenant, id, expires));
        decks.put(tenant + "/" + deck.id() + "/" + deck.version(), deck);
        events.publishEvent(new SessionStarted(tenant, id, deck.id(), deck.version(), teams));
        changes.afterCommit(tenant, id, 0);
        return sessions.find(id).orElseThrow();
    }

    private static List<Card> chosenCards(InstalledDeck deck, List<String> cardIds) {
        if (cardIds.isEmpty()) {
            return deck.manifest().cards();
        }
        List<Card> cards = new ArrayList<>();
        for (String cardId : cardIds) {
            cards.add(deck.manifest().card(cardId).orElseThrow(() -> new InvalidInputException("session.error.card-not-found")));
        }
        if (cards.size() == 1 && !cards.getFirst().standalone() && deck.manifest().cards().size() > 1) {
            throw new InvalidInputException("session.error.card-not-standalone");
        }
        return cards;
    }

    private String defaultTitle(InstalledDeck deck, List<Card> cards, TenantSettings tenantSettings) {
        // one rule for the stored default and for showing it in a reader's language (SessionTitles)
        return SessionTitles.defaultTitle(deck, cards.stream().map(Card::id).toList(), tenantSettings.defaultLanguage());
    }

    /** Normalises what a person typed ("ab3 k7p", "ab3-k7p") into a code. */
    public static String normaliseCode(@Nullable String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** Finds a running session by its join code; needs no tenant (the code tells the tenant). */
    @Transactional(readOnly = true)
    @AnonymousAllowed
    @Retryable(predicate = BusyPoolOnly.class, maxRetries = 2, delay = 200, jitter = 100, multiplier = 2)
    public Optional<JoinTarget> resolve(String typed) {
        String code = normaliseCode(typed);
        if (!code.matches("[0-9A-Z]{6,12}")) {
            return Optional.empty();
        }
        return sessions.resolveJoinCode(code);
    }

    @Transactional(readOnly = true)
    @AnonymousAllowed
    @Retryable(predicate = BusyPoolOnly.class, maxRetries = 2, delay = 200, jitter = 100, multiplier = 2)
    public Optional<SessionInfo> find(SessionId id) {
        return sessions.find(id);
    }

    @Transactional(readOnly = true)
    @PermitAll
    public List<SessionInfo> sessionsOf(Collection<TeamId> teams) {
        return teams.isEmpty() ? List.of() : sessions.ofTeams(teams);
    }

    @Transactional(readOnly = true)
    @PermitAll
    public List<SessionInfo> runningFacilitatedBy(PersonId person) {
        return sessions.runningFacilitatedBy(person);
    }

    @Transactional(readOnly = true)
    @PermitAll
    public boolean isFacilitator(SessionId session, PersonId person) {
        return sessions.isFacilitator(session, person);
    }

    /**
     * Forgets the name a removed person had in named sessions: their participants keep their
     * answers but no name, as in an anonymous session. Part of removing a person (tenant-admin's
     * {@code PersonRemovalManagement}); returns how many participants lost their name.
     */
    @RolesAllowed(AccessRoles.TENANT_ADMIN)
    public int forgetNamesOf(PersonId person) {
        return sessions.forgetNamesOf(person);
    }

    /**
     * Every session of the tenant started since a moment, as records without content: what coverage
     * counts. For the insight module; people see only its thresholded figures.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
    public List<SessionRecord> recordsSince(java.time.Instant since) {
        return sessions.recordsSince(since.atOffset(java.time.ZoneOffset.UTC));
    }

    /**
     * Ratings of the tenant's closed sessions started since a moment, counted per session, step and
     * value. For the insight module, which withholds every figure from fewer respondents than the
     * tenant's anonymity threshold.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
    public List<RatingCount> ratingCountsSince(java.time.Instant since) {
        return sessions.ratingCountsSince(since.atOffset(java.time.ZoneOffset.UTC));
    }

    /** The team and its supervisor see a session's summary, and so do its facilitators. */
    @Transactional(readOnly = true)
    @PermitAll
    public boolean maySeeSummary(SessionInfo session, PersonId person) {
        if (session.facilitators().contains(person)) {
            return true;
        }
        return session.teams().stream().anyMatch(team -> directory.membersOf(team).stream().anyMatch(p -> p.id().equals(person)));
    }

    /** Everything of a session as committed now (see {@link LiveStates} for the shared, cached read). */
    @Transactional(readOnly = true)
    @AnonymousAllowed
    public LiveState state(SessionId id) {
        Sessions.Loaded loaded = sessions.load(id).orElseThrow(() -> new InvalidInputException("session.error.not-found"));
        return AsArki.call(() -> assemble(id, loaded));
    }

    private LiveState assemble(SessionId id, Sessions.Loaded loaded) {
        TenantSettings tenantSettings = settings.current();
        String name = tenants.find(TenantContext.require()).map(t -> t.name()).orElse("");
        List<DevelopmentTarget> committed = TargetOwnerNames.named(followup.committedIn(id.value()), directory::findPerson);
        List<DevelopmentTarget> earlier = followup.openTargetsOf(loaded.info().teams()).stream()
                .filter(t -> !id.value().equals(t.sessionId())).toList();
        // a target reviewed in this session stays on its list even though it is no longer open
        List<fi.arki.followup.TargetReview> reviews = followup.reviewsIn(id.value());
        List<DevelopmentTarget> reviewedHere = reviews.stream()
                .filter(r -> earlier.stream().noneMatch(t -> t.id().equals(r.target())))
                .flatMap(r -> loaded.info().teams().stream().flatMap(team -> followup.targetsOf(team).stream())
                        .filter(t -> t.id().equals(r.target())).limit(1))
                .toList();
        List<DevelopmentTarget> toReview = new ArrayList<>(earlier);
        toReview.addAll(reviewedHere);
        java.util.Map<Integer, Integer> budgets = new java.util.HashMap<>();
        java.util.Map<Integer, Integer> sources = new java.util.HashMap<>();
        for (LiveState.Step step : loaded.steps()) {
            Activity activity = activity(loaded.info(), step.cardId(), step.activityId());
            if (activity instanceof Activity.Vote vote) {
                budgets.put(step.index(), voteBudget(loaded.info(), vote));
            }
            VoteSources.of(activity).flatMap(of -> VoteSources.index(loaded.steps(), step, of))
                    .ifPresent(source -> sources.put(step.index(), source));
        }
        return new LiveState(loaded.info(), loaded.version(), loaded.currentStep(), loaded.timerEndsAt(), loaded.steps(),
                loaded.participants(), loaded.answers(), loaded.groups(), loaded.groupings(), loaded.votes(), loaded.ratings(),
                loaded.touchpoints(), committed, toReview, reviews, tenantSettings.anonymityThreshold(),
                tenantSettings.organisationName(name), budgets,
                loaded.steps().stream().anyMatch(s -> s.kind() == fi.arki.deck.ActivityKind.JOURNEY_MAP)
                        ? touchpointsPerStage(loaded.info()) : 0, sources, noNewTargets.steps(id));
    }

    // ---- facilitator actions ---------------------------------------------------------------

    private SessionInfo requireFacilitator(SessionId session, PersonId actor) {
        if (!sessions.isFacilitator(session, actor)) {
            throw new InvalidInputException("session.error.not-facilitator");
        }
        if (sessions.lockRunning(session).isEmpty()) {
            throw new InvalidInputException("session.error.closed");
        }
        return sessions.find(session).orElseThrow();
    }

    private void announce(SessionId session, long version) {
        changes.afterCommit(TenantContext.require(), session, version);
    }

    @RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
    public void goTo(PersonId actor, SessionId session, int step) {
        requireFacilitator(session, actor);
        if (step < 0 || step >= sessions.stepCount(session)) {
            throw new InvalidInputException("session.error.no-such-step");
        }
        announce(session, sessions.goTo(session, step));
    }

    @RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
    public void reveal(PersonId actor, SessionId session, int step, boolean revealed) {
        SessionInfo info = requireFacilitator(session, actor);
        long version = sessions.setStepFlag(session, step, true, revealed);
        if (revealed) {
            version = heldAnswers.release(info, step).orElse(version);
        }
        announce(session, version);
    }

    @RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
    public void lock(PersonId actor, SessionId session, int step, boolean locked) {
        requireFacilitator(session, actor);
        announce(session, sessions.setStepFlag(session, step, false, locked));
    }

    /** Starts a timer everyone sees (or stops it, with {@code null}). */
    @RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
    public void timer(PersonId actor, SessionId session, @Nullable Duration length) {
        requireFacilitator(session, actor);
        if (length != null && (length.isNegative() || length.isZero() || length.compareTo(MAX_TIMER) > 0)) {
            throw new InvalidInputException("session.error.timer", MAX_TIMER.toMinutes());
        }
        announce(session, sessions.setTimer(session, length == null ? null : OffsetDateTime.now().plus(length)));
    }

    @RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
    public void close(PersonId actor, SessionId session) {
        requireFacilitator(session, actor);
        closeNow(session, "facilitator", null);
    }

    /** Closes the session if nobody has touched it for {@code idleFor}; safe to run on every node at once. */
    @DenyAll
    public boolean closeIfIdle(SessionId session, Duration idleFor) {
        return closeNow(session, "idle", idleFor);
    }

    private boolean closeNow(SessionId session, String reason, @Nullable Duration idleFor) {
        TenantId tenant = TenantContext.require();
        if (!sessions.close(session, reason, idleFor)) {
            return false;
        }
        sessions.deleteJoinCode(tenant, session);
        events.publishEvent(new SessionClosed(tenant, session, idleFor != null));
        announce(session, sessions.touch(session));
        return true;
    }

    /** The lead hands the session over to another facilitator of the tenant, who becomes the lead. */
    @RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
    public void handOver(PersonId actor, SessionId session, PersonId to) {
        requireFacilitator(session, actor);
        if (!sessions.isLead(session, actor)) {
            throw new InvalidInputException("session.error.not-lead");
        }
        requireMayFacilitate(to);
        sessions.addFacilitator(TenantContext.require(), session, to, true);
        announce(session, sessions.touch(session));
    }

    @RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
    public void addCoFacilitator(PersonId actor, SessionId session, PersonId co) {
        requireFacilitator(session, actor);
        requireMayFacilitate(co);
        if (!sessions.isFacilitator(session, co)) {
            sessions.addFacilitator(TenantContext.require(), session, co, false);
        }
        announce(session, sessions.touch(session));
    }

    private void requireMayFacilitate(PersonId person) {
        var roles = directory.rolesOf(person);
        if (!roles.contains(fi.arki.directory.Role.FACILITATOR) && !roles.contains(fi.arki.directory.Role.TENANT_ADMIN)) {
            throw new InvalidInputException("session.error.not-a-facilitator-person");
        }
    }

    private Sessions.StepState step(SessionId session, int step, fi.arki.deck.ActivityKind... kinds) {
        Sessions.StepState state = sessions.stepState(session, step).orElseThrow(() -> new InvalidInputException("session.error.no-such-step"));
        if (kinds.length > 0 && java.util.Arrays.stream(kinds).noneMatch(k -> k.code().equals(state.kind()))) {
            throw new InvalidInputException("session.error.wrong-step");
        }
        return state;
    }

    /** Creates a group in a group step, or renames it (same id). */
    @RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
    public void saveGroup(PersonId actor, SessionId session, int step, UUID group, String label) {
        requireFacilitator(session, actor);
        step(session, step, fi.arki.deck.ActivityKind.GROUP);
        String clean = ParticipantManagement.cleanText(label, 200);
        announce(session, sessions.createGroup(TenantContext.require(), session, step, group, clean));
    }

    /** Puts an answer of the grouped activity into a group, or takes it out ({@code group} null). */
    @RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
    public void assign(PersonId actor, SessionId session, int step, UUID answer, @Nullable UUID group) {
        SessionInfo info = requireFacilitator(session, actor);
        Sessions.StepState state = step(session, step, fi.arki.deck.ActivityKind.GROUP);
        Activity.Group activity = (Activity.Group) activity(info, state.cardId(), state.activityId());
        int source = sourceStep(session, state.cardId(), activity.of());
        if (!sessions.answerExists(session, source, answer) || (group != null && !sessions.groupExists(session, step, group))) {
            throw new InvalidInputException("session.error.no-such-item");
        }
        announce(session, sessions.assignGroup(TenantContext.require(), session, step, answer, group));
    }

    /** The step index of activity {@code activityId} of a card in this session. */
    int sourceStep(SessionId session, String cardId, String activityId) {
        return sessions.stepIndex(session, cardId, activityId)
                .orElseThrow(() -> new IllegalStateException("Activity " + activityId + " not in session"));
    }

    /** Marks a touchpoint of a journey map as the peak, the end, or one to improve first (at most two). */
    @RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
    public void markTouchpoint(PersonId actor, SessionId session, int step, UUID touchpoint, String flag, boolean value) {
        requireFacilitator(session, actor);
        step(session, step, fi.arki.deck.ActivityKind.JOURNEY_MAP);
        if (!sessions.touchpointExists(session, touchpoint)) {
            throw new InvalidInputException("session.error.no-such-item");
        }
        if ("improve".equals(flag) && value && sessions.improveCount(session, step) >= 2) {
            throw new InvalidInputException("session.error.improve-max", 2);
        }
        announce(session, sessions.markTouchpoint(session, touchpoint, flag, value));
    }

    /**
     * Commits a development target for the session's (first) team. The id comes from the UI and
     * makes a retry harmless; the card's activity says how many targets a session may commit.
     */
    @RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
    public DevelopmentTarget commitTarget(PersonId actor, SessionId session, int step, TargetId id, String title,
                                          @Nullable PersonId owner, @Nullable String ownerName, @Nullable LocalDate due,
                                          @Nullable String dimension) {
        SessionInfo info = requireFacilitator(session, actor);
        Sessions.StepState state = step(session, step, fi.arki.deck.ActivityKind.COMMIT_TARGETS);
        Activity.CommitTargets activity = (Activity.CommitTargets) activity(info, state.cardId(), state.activityId());
        List<DevelopmentTarget> already = followup.committedIn(session.value());
        if (already.stream().noneMatch(t -> t.id().equals(id)) && already.size() >= activity.max()) {
            throw new InvalidInputException("session.error.targets-max", activity.max());
        }
        if (owner != null && info.teams().stream().noneMatch(team -> directory.membersOf(team).stream().anyMatch(p -> p.id().equals(owner)))) {
            throw new InvalidInputException("session.error.owner-not-in-team");
        }
        DevelopmentTarget target = followup.commit(new TargetDraft(id, info.teams().getFirst(), session.value(), title, owner,
                ownerName, due, dimension));
        announce(session, sessions.touch(session));
        return target;
    }

    @RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
    public void reviewTarget(PersonId actor, SessionId session, TargetId target, ReviewOutcome outcome, @Nullable String note) {
        SessionInfo info = requireFacilitator(session, actor);
        boolean ours = info.teams().stream().flatMap(t -> followup.targetsOf(t).stream()).anyMatch(t -> t.id().equals(target));
        if (!ours) {
            throw new InvalidInputException("target.error.not-found");
        }
        followup.review(target, session.value(), outcome, note);
        announce(session, sessions.touch(session));
    }
}
