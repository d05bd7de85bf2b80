package fi.arki.session;

import fi.arki.deck.Activity;
import fi.arki.deck.InstalledDeck;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.PersonId;
import fi.arki.directory.TeamId;
import fi.arki.followup.DevelopmentTarget;
import fi.arki.followup.FollowupManagement;
import fi.arki.session.internal.BusyPoolOnly;
import fi.arki.session.internal.PinnedDecks;
import fi.arki.session.internal.SessionDeckSettings;
import fi.arki.session.internal.Sessions;
import fi.arki.shared.AccessRoles;
import fi.arki.shared.AnonymousAllowed;
import fi.arki.shared.AsArki;
import fi.arki.shared.InvalidInputException;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.tenancy.TenantSettings;
import fi.arki.tenancy.TenantSettingsManagement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading sessions of the tenant bound to the call: one session, its live state, the sessions of
 * teams and facilitators, records and rating counts for coverage, and who may see a summary.
 * Starting is {@link SessionStartManagement}, what facilitators do {@link FacilitationManagement}.
 */
@Service
@Transactional
public class SessionManagement {

    private final Sessions sessions;
    private final fi.arki.session.internal.ParticipantRows participantRows;
    private final PinnedDecks decks;
    private final SessionDeckSettings deckSettings;
    private final DirectoryManagement directory;
    private final TenantSettingsManagement settings;
    private final TenantManagement tenants;
    private final FollowupManagement followup;

    private final fi.arki.session.internal.NoNewTargets noNewTargets;

    SessionManagement(Sessions sessions, PinnedDecks decks, SessionDeckSettings deckSettings, DirectoryManagement directory,
                      TenantSettingsManagement settings, TenantManagement tenants, FollowupManagement followup,
                      fi.arki.session.internal.NoNewTargets noNewTargets, fi.arki.session.internal.ParticipantRows participantRows) {
        this.participantRows = participantRows;
        this.noNewTargets = noNewTargets;
        this.sessions = sessions;
        this.decks = decks;
        this.deckSettings = deckSettings;
        this.directory = directory;
        this.settings = settings;
        this.tenants = tenants;
        this.followup = followup;
    }

    /** The exact deck version a session pinned. Versions never change, so they are kept once read. */
    @Transactional(readOnly = true)
    @AnonymousAllowed
    @Retryable(predicate = BusyPoolOnly.class, maxRetries = 2, delay = 200, jitter = 100, multiplier = 2)
    public InstalledDeck deckOf(SessionInfo session) {
        return decks.of(session);
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
        return participantRows.forgetNamesOf(person);
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
            Activity activity = decks.activity(loaded.info(), step.cardId(), step.activityId());
            if (activity instanceof Activity.Vote vote) {
                budgets.put(step.index(), deckSettings.voteBudget(loaded.info(), vote));
            }
            VoteSources.of(activity).flatMap(of -> VoteSources.index(loaded.steps(), step, of))
                    .ifPresent(source -> sources.put(step.index(), source));
        }
        return new LiveState(loaded.info(), loaded.version(), loaded.currentStep(), loaded.timerEndsAt(), loaded.steps(),
                loaded.participants(), loaded.answers(), loaded.groups(), loaded.groupings(), loaded.votes(), loaded.ratings(),
                loaded.touchpoints(), committed, toReview, reviews, tenantSettings.anonymityThreshold(),
                tenantSettings.organisationName(name), budgets,
                loaded.steps().stream().anyMatch(s -> s.kind() == fi.arki.deck.ActivityKind.JOURNEY_MAP)
                        ? deckSettings.touchpointsPerStage(loaded.info()) : 0, sources, noNewTargets.steps(id));
    }
}
