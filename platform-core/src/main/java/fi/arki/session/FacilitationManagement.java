package fi.arki.session;

import fi.arki.deck.Activity;
import fi.arki.deck.ActivityKind;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.PersonId;
import fi.arki.directory.Role;
import fi.arki.followup.DevelopmentTarget;
import fi.arki.followup.FollowupManagement;
import fi.arki.followup.ReviewOutcome;
import fi.arki.followup.TargetDraft;
import fi.arki.followup.TargetId;
import fi.arki.session.internal.ActingPerson;
import fi.arki.session.internal.Changes;
import fi.arki.session.internal.HeldAnswers;
import fi.arki.session.internal.PinnedDecks;
import fi.arki.session.internal.Sessions;
import fi.arki.shared.AccessRoles;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What facilitators do in a running session of the bound tenant: move between steps, reveal and
 * lock them, run a timer, group answers, mark touchpoints, commit and review targets, share or
 * hand over the lead, close. Who acts is read from the security context ({@link ActingPerson}),
 * never taken from the caller; only the session's facilitators may act. Every change is one short
 * transaction; its announcement to the views follows the commit.
 */
@Service
@Transactional
public class FacilitationManagement {

    public static final Duration MAX_TIMER = Duration.ofMinutes(60);

    private final Sessions sessions;
    private final fi.arki.session.internal.ContributionRows contributions;
    private final fi.arki.session.internal.GroupingRows groupings;
    private final Changes changes;
    private final PinnedDecks decks;
    private final DirectoryManagement directory;
    private final FollowupManagement followup;
    private final ApplicationEventPublisher events;
    private final HeldAnswers heldAnswers;
    private final ActingPerson acting;

    FacilitationManagement(Sessions sessions, Changes changes, PinnedDecks decks, DirectoryManagement directory, FollowupManagement followup,
                 ApplicationEventPublisher events, HeldAnswers heldAnswers, ActingPerson acting, fi.arki.session.internal.ContributionRows contributions, fi.arki.session.internal.GroupingRows groupings) {
        this.contributions = contributions;
        this.groupings = groupings;
        this.sessions = sessions;
        this.changes = changes;
        this.decks = decks;
        this.directory = directory;
        this.followup = followup;
        this.events = events;
        this.heldAnswers = heldAnswers;
        this.acting = acting;
    }

    /**
     * The session, if the one acting facilitates it and it is running (locked for this transaction).
     * Arki itself (no one signed in) may act in any session of the bound tenant, as it closes idle ones.
     */
    private SessionInfo requireFacilitator(SessionId session) {
        if (!acting.arki() && acting.find().filter(person -> sessions.isFacilitator(session, person)).isEmpty()) {
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
    public void goTo(SessionId session, int step) {
        requireFacilitator(session);
        if (step < 0 || step >= sessions.stepCount(session)) {
            throw new InvalidInputException("session.error.no-such-step");
        }
        announce(session, sessions.goTo(session, step));
    }

    @RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
    public void reveal(SessionId session, int step, boolean revealed) {
        SessionInfo info = requireFacilitator(session);
        long version = sessions.setStepFlag(session, step, true, revealed);
        if (revealed) {
            version = heldAnswers.release(info, step).orElse(version);
        }
        announce(session, version);
    }

    @RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
    public void lock(SessionId session, int step, boolean locked) {
        requireFacilitator(session);
        announce(session, sessions.setStepFlag(session, step, false, locked));
    }

    /** Starts a timer everyone sees (or stops it, with {@code null}). */
    @RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
    public void timer(SessionId session, @Nullable Duration length) {
        requireFacilitator(session);
        if (length != null && (length.isNegative() || length.isZero() || length.compareTo(MAX_TIMER) > 0)) {
            throw new InvalidInputException("session.error.timer", MAX_TIMER.toMinutes());
        }
        announce(session, sessions.setTimer(session, length == null ? null : OffsetDateTime.now().plus(length)));
    }

    @RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
    public void close(SessionId session) {
        requireFacilitator(session);
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
    public void handOver(SessionId session, PersonId to) {
        requireFacilitator(session);
        Optional<PersonId> actor = acting.find();
        if (!acting.arki() && actor.filter(person -> sessions.isLead(session, person)).isEmpty()) {
            throw new InvalidInputException("session.error.not-lead");
        }
        requireMayFacilitate(to);
        sessions.addFacilitator(TenantContext.require(), session, to, true);
        announce(session, sessions.touch(session));
    }

    @RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
    public void addCoFacilitator(SessionId session, PersonId co) {
        requireFacilitator(session);
        requireMayFacilitate(co);
        if (!sessions.isFacilitator(session, co)) {
            sessions.addFacilitator(TenantContext.require(), session, co, false);
        }
        announce(session, sessions.touch(session));
    }

    private void requireMayFacilitate(PersonId person) {
        var roles = directory.rolesOf(person);
        if (!roles.contains(Role.FACILITATOR) && !roles.contains(Role.TENANT_ADMIN)) {
            throw new InvalidInputException("session.error.not-a-facilitator-person");
        }
    }

    private Sessions.StepState step(SessionId session, int step, ActivityKind... kinds) {
        Sessions.StepState state = sessions.stepState(session, step).orElseThrow(() -> new InvalidInputException("session.error.no-such-step"));
        if (kinds.length > 0 && Arrays.stream(kinds).noneMatch(k -> k.code().equals(state.kind()))) {
            throw new InvalidInputException("session.error.wrong-step");
        }
        return state;
    }

    /** Creates a group in a group step, or renames it (same id). */
    @RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
    public void saveGroup(SessionId session, int step, UUID group, String label) {
        requireFacilitator(session);
        step(session, step, ActivityKind.GROUP);
        String clean = ParticipantManagement.cleanText(label, 200);
        announce(session, groupings.createGroup(TenantContext.require(), session, step, group, clean));
    }

    /** Puts an answer of the grouped activity into a group, or takes it out ({@code group} null). */
    @RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
    public void assign(SessionId session, int step, UUID answer, @Nullable UUID group) {
        SessionInfo info = requireFacilitator(session);
        Sessions.StepState state = step(session, step, ActivityKind.GROUP);
        Activity.Group activity = (Activity.Group) decks.activity(info, state.cardId(), state.activityId());
        int source = sessions.stepIndex(session, state.cardId(), activity.of())
                .orElseThrow(() -> new IllegalStateException("Activity " + activity.of() + " not in session"));
        if (!groupings.answerExists(session, source, answer) || (group != null && !groupings.groupExists(session, step, group))) {
            throw new InvalidInputException("session.error.no-such-item");
        }
        announce(session, groupings.assignGroup(TenantContext.require(), session, step, answer, group));
    }

    /** Marks a touchpoint of a journey map as the peak, the end, or one to improve first (at most two). */
    @RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
    public void markTouchpoint(SessionId session, int step, UUID touchpoint, String flag, boolean value) {
        requireFacilitator(session);
        step(session, step, ActivityKind.JOURNEY_MAP);
        if (!contributions.touchpointExists(session, touchpoint)) {
            throw new InvalidInputException("session.error.no-such-item");
        }
        if ("improve".equals(flag) && value && contributions.improveCount(session, step) >= 2) {
            throw new InvalidInputException("session.error.improve-max", 2);
        }
        announce(session, contributions.markTouchpoint(session, touchpoint, flag, value));
    }

    /**
     * Commits a development target for the session's (first) team. The id comes from the UI and
     * makes a retry harmless; the card's activity says how many targets a session may commit.
     */
    @RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
    public DevelopmentTarget commitTarget(SessionId session, int step, TargetId id, String title, @Nullable PersonId owner,
                                          @Nullable String ownerName, @Nullable LocalDate due, @Nullable String dimension) {
        SessionInfo info = requireFacilitator(session);
        Sessions.StepState state = step(session, step, ActivityKind.COMMIT_TARGETS);
        Activity.CommitTargets activity = (Activity.CommitTargets) decks.activity(info, state.cardId(), state.activityId());
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
    public void reviewTarget(SessionId session, TargetId target, ReviewOutcome outcome, @Nullable String note) {
        SessionInfo info = requireFacilitator(session);
        boolean ours = info.teams().stream().flatMap(t -> followup.targetsOf(t).stream()).anyMatch(t -> t.id().equals(target));
        if (!ours) {
            throw new InvalidInputException("target.error.not-found");
        }
        followup.review(target, session.value(), outcome, note);
        announce(session, sessions.touch(session));
    }
}
