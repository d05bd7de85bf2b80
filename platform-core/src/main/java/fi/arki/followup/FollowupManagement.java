package fi.arki.followup;

import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.TeamId;
import fi.arki.followup.internal.Targets;
import fi.arki.shared.AccessRoles;
import fi.arki.shared.InvalidInputException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import fi.arki.tenancy.TenantContext;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Development targets of the current tenant's teams and their reviews. */
@Service
@Transactional
public class FollowupManagement {

    public static final int MAX_TITLE = 300;
    public static final int MAX_NOTE = 2000;

    private final Targets targets;
    private final DirectoryManagement directory;
    private final ApplicationEventPublisher events;

    FollowupManagement(Targets targets, DirectoryManagement directory, ApplicationEventPublisher events) {
        this.targets = targets;
        this.directory = directory;
        this.events = events;
    }

    /** Stores a target once: committing the same draft again (a retry) changes nothing. */
    @RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
    public DevelopmentTarget commit(TargetDraft draft) {
        String title = clean(draft.title(), MAX_TITLE, "target.error.title-empty", "target.error.title-too-long");
        String ownerName = draft.ownerName() == null || draft.ownerName().isBlank() ? null
                : clean(draft.ownerName(), 200, "target.error.owner-empty", "target.error.owner-too-long");
        if (draft.ownerPerson() == null && ownerName == null) {
            throw new InvalidInputException("target.error.owner-empty");
        }
        if (draft.due() == null) {
            throw new InvalidInputException("target.error.due-empty");
        }
        TargetDueDates.requireNotPast(draft.due(), Clock.systemUTC());
        // a team that is not the tenant's is ours to name, not the database's foreign key to refuse
        if (directory.findTeam(draft.team()).isEmpty()) {
            throw new InvalidInputException("error.team.not-found");
        }
        TargetDraft clean = new TargetDraft(draft.id(), draft.team(), draft.sessionId(), title, draft.ownerPerson(),
                ownerName, draft.due(), draft.dimension());
        if (targets.insert(TenantContext.require(), clean)) {
            events.publishEvent(new TargetCommitted(TenantContext.require(), clean.id(), clean.team(), clean.sessionId()));
        }
        return targets.find(clean.id()).orElseThrow();
    }

    /** Records (or corrects) a target's review in a session and moves the target's status with it. */
    @RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
    public void review(TargetId target, UUID sessionId, ReviewOutcome outcome, @Nullable String note) {
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > MAX_NOTE) {
            throw new InvalidInputException("target.error.note-too-long", MAX_NOTE);
        }
        if (targets.find(target).isEmpty()) {
            throw new InvalidInputException("target.error.not-found");
        }
        targets.review(TenantContext.require(), target, sessionId, outcome.code(), cleanNote, outcome.status().code());
        events.publishEvent(new TargetReviewed(TenantContext.require(), target, sessionId, outcome));
    }

    @PermitAll
    @Transactional(readOnly = true)
    public List<DevelopmentTarget> openTargetsOf(Collection<TeamId> teams) {
        return targets.openOf(teams);
    }

    @PermitAll
    @Transactional(readOnly = true)
    public List<DevelopmentTarget> targetsOf(TeamId team) {
        return targets.of(team);
    }

    @PermitAll
    @Transactional(readOnly = true)
    public List<DevelopmentTarget> committedIn(UUID sessionId) {
        return targets.committedIn(sessionId);
    }

    @PermitAll
    @Transactional(readOnly = true)
    public List<TargetReview> reviewsIn(UUID sessionId) {
        return targets.reviewsIn(sessionId);
    }

    static String clean(@Nullable String text, int max, String emptyKey, String tooLongKey) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException(emptyKey);
        }
        if (trimmed.length() > max) {
            throw new InvalidInputException(tooLongKey, max);
        }
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new InvalidInputException("error.text.control-characters");
        }
        return trimmed;
    }
}
