package fi.arki.followup;

import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.PersonId;
import fi.arki.directory.TeamId;
import fi.arki.followup.internal.Ideas;
import fi.arki.shared.AccessRoles;
import fi.arki.shared.Callers;
import fi.arki.shared.InvalidInputException;
import fi.arki.tenancy.TenantContext;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation's idea pipeline: a team escalates an idea — an answer from a closed session's
 * summary, perhaps edited, or a text of its own — and sees what the organisation did with it.
 * Tenant administrators handle the pipeline: they see every team's ideas, move them through
 * {@link IdeaStatus} and answer the team. A team sees its own ideas, never another team's; so do
 * its supervisor and the tenant's facilitators. An idea names its team, not the author of the
 * answer it came from.
 */
@Service
@Transactional
public class IdeaManagement {

    public static final int MAX_TEXT = 2000;
    public static final int MAX_RESPONSE = 2000;

    private final Ideas ideas;
    private final IdeaSources sources;
    private final DirectoryManagement directory;
    private final ApplicationEventPublisher events;

    IdeaManagement(Ideas ideas, IdeaSources sources, DirectoryManagement directory, ApplicationEventPublisher events) {
        this.ideas = ideas;
        this.sources = sources;
        this.directory = directory;
        this.events = events;
    }

    /**
     * Escalates an idea for a team, once: the same draft again (a retry), or the same answer
     * escalated again for the same team, returns the idea already stored. From a session, the
     * session must be closed and the team one of its teams, and the actor one of its facilitators
     * or a member of the team; a text of the team's own, a member of the team. Tenant administrators
     * may escalate for any team.
     */
    @PermitAll
    public Idea escalate(PersonId actor, IdeaDraft draft) {
        String text = FollowupManagement.clean(draft.text(), MAX_TEXT, "idea.error.text-empty", "idea.error.text-too-long");
        if (directory.findTeam(draft.team()).isEmpty()) {
            throw new InvalidInputException("idea.error.team-unknown");
        }
        boolean admin = Callers.hasRole(AccessRoles.TENANT_ADMIN);
        boolean member = memberOf(actor, draft.team());
        if (draft.sessionId() != null) {
            IdeaSources.ClosedSession session = sources.closedSession(draft.sessionId())
                    .orElseThrow(() -> new InvalidInputException("idea.error.session-unknown"));
            if (!session.teams().contains(draft.team())) {
                throw new InvalidInputException("idea.error.team-not-in-session");
            }
            if (draft.answerId() != null && !session.answers().contains(draft.answerId())) {
                throw new InvalidInputException("idea.error.answer-unknown");
            }
            if (!admin && !member && !session.facilitators().contains(actor)) {
                throw new InvalidInputException("idea.error.not-allowed");
            }
        } else {
            if (draft.answerId() != null) {
                throw new InvalidInputException("idea.error.answer-unknown");
            }
            if (!admin && !member) {
                throw new InvalidInputException("idea.error.not-allowed");
            }
        }
        IdeaDraft clean = new IdeaDraft(draft.id(), draft.team(), draft.sessionId(), draft.answerId(), text);
        PersonId escalatedBy = directory.findPerson(actor).isPresent() ? actor : null;
        if (ideas.insert(TenantContext.require(), clean, escalatedBy)) {
            events.publishEvent(new IdeaEscalated(TenantContext.require(), clean.id(), clean.team(), clean.sessionId()));
        }
        return ideas.find(clean.id())
                .or(() -> clean.answerId() == null ? Optional.empty() : ideas.fromAnswer(clean.team(), clean.answerId()))
                .orElseThrow(() -> new InvalidInputException("idea.error.not-found"));
    }

    /**
     * A team's ideas, newest first, for its members and supervisor, the tenant's facilitators and
     * its administrators; anyone else is refused.
     */
    @PermitAll
    @Transactional(readOnly = true)
    public List<Idea> ideasOf(PersonId viewer, TeamId team) {
        if (!handlesOrFacilitates() && !memberOf(viewer, team)) {
            throw new InvalidInputException("idea.error.not-allowed");
        }
        return ideas.of(List.of(team));
    }

    /**
     * The ideas escalated from a session that the viewer may see: all of them for the session's
     * facilitators, the tenant's facilitators and administrators, otherwise those of the viewer's
     * teams. For the summary, to show which answers have gone to the pipeline.
     */
    @PermitAll
    @Transactional(readOnly = true)
    public List<Idea> ideasFrom(PersonId viewer, UUID session) {
        List<Idea> from = ideas.fromSession(session);
        if (from.isEmpty() || handlesOrFacilitates()
                || sources.closedSession(session).filter(s -> s.facilitators().contains(viewer)).isPresent()) {
            return from;
        }
        Set<TeamId> mine = directory.teamsOf(viewer).stream().map(DirectoryManagement.Membership::team).collect(Collectors.toSet());
        return from.stream().filter(i -> mine.contains(i.team())).toList();
    }

    /**
     * Every idea of the tenant, for the tenant administrators who handle the pipeline: new ones
     * first, then by status, newest first within a status.
     */
    @RolesAllowed(AccessRoles.TENANT_ADMIN)
    @Transactional(readOnly = true)
    public List<Idea> allIdeas() {
        return ideas.all().stream().sorted(Comparator.comparing(Idea::status)
                .thenComparing(Comparator.comparing(Idea::escalatedAt).reversed())).toList();
    }

    /** Moves an idea and gives the organisation's answer to the team (an empty answer clears it). */
    @RolesAllowed(AccessRoles.TENANT_ADMIN)
    public Idea respond(IdeaId id, IdeaStatus status, @Nullable String response) {
        String clean = response == null || response.isBlank() ? null
                : FollowupManagement.clean(response, MAX_RESPONSE, "idea.error.response-empty", "idea.error.response-too-long");
        Idea before = ideas.find(id).orElseThrow(() -> new InvalidInputException("idea.error.not-found"));
        if (before.status() == status && java.util.Objects.equals(before.response(), clean)) {
            return before;
        }
        ideas.respond(id, status, clean);
        events.publishEvent(new IdeaStatusChanged(TenantContext.require(), id, before.team(), before.status(), status,
                !java.util.Objects.equals(before.response(), clean)));
        return ideas.find(id).orElseThrow();
    }

    /** Deletes an idea, e.g. one that names a person; the tenant's administrators decide. */
    @RolesAllowed(AccessRoles.TENANT_ADMIN)
    public void delete(IdeaId id) {
        Idea idea = ideas.find(id).orElseThrow(() -> new InvalidInputException("idea.error.not-found"));
        ideas.delete(id);
        events.publishEvent(new IdeaDeleted(TenantContext.require(), id, idea.team()));
    }

    /** How many of the tenant's ideas are in each status: figures only, for facilitators and administrators. */
    @RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
    @Transactional(readOnly = true)
    public Map<IdeaStatus, Integer> countsByStatus() {
        return ideas.countsByStatus();
    }

    private static boolean handlesOrFacilitates() {
        return Callers.hasRole(AccessRoles.TENANT_ADMIN) || Callers.hasRole(AccessRoles.FACILITATOR);
    }

    private boolean memberOf(PersonId person, TeamId team) {
        return directory.teamsOf(person).stream().anyMatch(m -> m.team().equals(team));
    }
}
