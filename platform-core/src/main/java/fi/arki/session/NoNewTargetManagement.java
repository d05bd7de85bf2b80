package fi.arki.session;

import fi.arki.deck.ActivityKind;
import fi.arki.followup.FollowupManagement;
import fi.arki.session.internal.ActingPerson;
import fi.arki.session.internal.Changes;
import fi.arki.session.internal.NoNewTargets;
import fi.arki.session.internal.Sessions;
import fi.arki.shared.AccessRoles;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An explicit "no new target" (issue 11 item 1): a card ends with committing at most two
 * development targets, or with the team deciding, and the facilitator recording, that there is
 * no new target this time. Participants, the presenter, the summary and the exports show it on the
 * step. Committing a target afterwards withdraws it ({@code internal.NoNewTargetOnCommit}); so
 * may the facilitator.
 */
@Service
@Transactional
public class NoNewTargetManagement {

    private final Sessions sessions;
    private final NoNewTargets decisions;
    private final FollowupManagement followup;
    private final Changes changes;
    private final ApplicationEventPublisher events;
    private final ActingPerson acting;

    NoNewTargetManagement(Sessions sessions, NoNewTargets decisions, FollowupManagement followup, Changes changes,
                          ApplicationEventPublisher events, ActingPerson acting) {
        this.acting = acting;
        this.sessions = sessions;
        this.decisions = decisions;
        this.followup = followup;
        this.changes = changes;
        this.events = events;
    }

    /** Records "no new target this time" on a commit-targets step of a running session the signed-in person facilitates. */
    @RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
    public void decide(SessionId session, int step) {
        requireCommitStep(session, step);
        if (!followup.committedIn(session.value()).isEmpty()) {
            throw new InvalidInputException("session.error.no-new-target-committed");
        }
        change(session, step, true);
    }

    /** Withdraws the decision (the team wants a target after all). */
    @RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
    public void withdraw(SessionId session, int step) {
        requireCommitStep(session, step);
        change(session, step, false);
    }

    private void change(SessionId session, int step, boolean decided) {
        if (decisions.set(session, step, decided)) {
            TenantId tenant = TenantContext.require();
            events.publishEvent(new NoNewTargetChanged(tenant, session, step, decided, "facilitator"));
            changes.afterCommit(tenant, session, sessions.touch(session));
        }
    }

    /** Who acts is read from the security context, as in {@link FacilitationManagement}. */
    private void requireCommitStep(SessionId session, int step) {
        if (!acting.arki() && acting.find().filter(person -> sessions.isFacilitator(session, person)).isEmpty()) {
            throw new InvalidInputException("session.error.not-facilitator");
        }
        if (sessions.lockRunning(session).isEmpty()) {
            throw new InvalidInputException("session.error.closed");
        }
        Sessions.StepState state = sessions.stepState(session, step)
                .orElseThrow(() -> new InvalidInputException("session.error.no-such-step"));
        if (!ActivityKind.COMMIT_TARGETS.code().equals(state.kind())) {
            throw new InvalidInputException("session.error.wrong-step");
        }
    }
}
