package fi.arki.testing;

import fi.arki.deck.Activity;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.directory.Unit;
import fi.arki.followup.ReviewOutcome;
import fi.arki.followup.TargetId;
import fi.arki.session.FacilitationManagement;
import fi.arki.session.JoinManagement;
import fi.arki.session.Joined;
import fi.arki.session.Joiner;
import fi.arki.session.Lane;
import fi.arki.session.ParticipantManagement;
import fi.arki.session.SessionId;
import fi.arki.session.SessionInfo;
import fi.arki.session.SessionManagement;
import fi.arki.session.SessionMode;
import fi.arki.session.SessionStart;
import fi.arki.session.SessionStartManagement;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;

/**
 * Runs whole sessions of {@link TestDeckCatalog}'s deck (both cards) for tests about what sessions
 * leave behind: answers, a group, votes, ratings, start-continue-stop lanes, a journey map with a
 * marked touchpoint, committed targets, a review and a pulse, all carrying a marker text. Runs as
 * Arki itself (no one signed in) under the tenant it is given.
 */
public final class SessionRuns {

    // the test deck's steps, both cards
    public static final int PROMPT = 1;
    public static final int GROUP = 2;
    public static final int VOTE = 3;
    public static final int RATE = 4;
    public static final int COMMIT = 5;
    public static final int SCS = 6;
    public static final int JOURNEY = 7;
    public static final int PULSE = 9;

    private final DirectoryManagement directory;
    private final SessionManagement sessions;
    private final SessionStartManagement starts;
    private final FacilitationManagement facilitation;
    private final ParticipantManagement participants;
    private final JoinManagement joins;

    public SessionRuns(ApplicationContext context) {
        this.directory = context.getBean(DirectoryManagement.class);
        this.sessions = context.getBean(SessionManagement.class);
        this.starts = context.getBean(SessionStartManagement.class);
        this.facilitation = context.getBean(FacilitationManagement.class);
        this.participants = context.getBean(ParticipantManagement.class);
        this.joins = context.getBean(JoinManagement.class);
    }

    /** A tenant's organisation: a unit, a team, a facilitator who supervises it and a member. */
    public record Organisation(TenantId tenant, Unit unit, Team team, Person facilitator, Person member) {
    }

    /** What a run left: the session, who took part, and the targets it committed. */
    public record Run(SessionInfo session, List<Joined> joined, TargetId openTarget, TargetId finishedTarget) {

        public SessionId id() {
            return session.id();
        }
    }

    public Organisation organisation(TenantId tenant) {
        return TenantContext.callAs(tenant, () -> Actors.asSystem(() -> {
            Unit unit = directory.createUnit("Yrityspalvelut");
            Team team = directory.createTeam(unit.id(), "Rahoitus");
            Person facilitator = directory.addPerson("Fanni Fasilitaattori", "fanni@example.fi", null);
            directory.grantRole(facilitator.id(), Role.FACILITATOR);
            directory.addToTeam(team.id(), facilitator.id(), true);
            Person member = directory.addPerson("Olli Osallistuja", null, null);
            directory.grantRole(member.id(), Role.MEMBER);
            directory.addToTeam(team.id(), member.id(), false);
            return new Organisation(tenant, unit, team, facilitator, member);
        }));
    }

    /**
     * Runs a session through every kind of step with {@code marker} in every text people write,
     * reviews {@code earlier} (a target of an earlier session) if given, marks the session's second
     * target done in that review step, and closes it if asked.
     */
    public Run run(Organisation org, SessionMode mode, String marker, @Nullable TargetId earlier, boolean close) {
        return TenantContext.callAs(org.tenant(), () -> Actors.asSystem(() -> {
            SessionInfo info = starts.startFor(org.facilitator().id(), new SessionStart(List.of(org.team().id()), TestDeckCatalog.DECK,
                    List.of(), mode, null));
            SessionId id = info.id();
            List<Joined> joined = new ArrayList<>();
            joined.add(joins.join(id, Joiner.member(org.member().id(), "Olli Osallistuja", Language.FI)));
            joined.add(joins.join(id, Joiner.guest(mode == SessionMode.NAMED ? "Gun Gäst" : null, null, Language.SV)));
            UUID first = UUID.randomUUID();
            UUID second = UUID.randomUUID();
            participants.writeAnswer(id, joined.get(0).participant(), PROMPT, first, null, marker + " asiakkaat opettavat");
            participants.writeAnswer(id, joined.get(1).participant(), PROMPT, second, null, marker + " kundernas frågor");
            UUID group = UUID.randomUUID();
            facilitation.saveGroup(id, GROUP, group, marker + " ryhmä");
            facilitation.assign(id, GROUP, first, group);
            participants.setDots(id, joined.get(0).participant(), VOTE, first, 2);
            participants.setDots(id, joined.get(1).participant(), VOTE, second, 1);
            participants.rate(id, joined.get(0).participant(), RATE, 4);
            participants.rate(id, joined.get(1).participant(), RATE, 2);
            TargetId open = TargetId.random();
            TargetId finished = TargetId.random();
            facilitation.commitTarget(id, COMMIT, open, marker + " palautekysely", org.member().id(), null,
                    LocalDate.now().plusDays(60), "competence");
            facilitation.commitTarget(id, COMMIT, finished, marker + " yhteinen palaveri", null,
                    marker + " Kaisa", LocalDate.now().plusDays(30), null);
            participants.writeAnswer(id, joined.get(0).participant(), SCS, UUID.randomUUID(), Lane.START, marker + " aloitetaan");
            participants.writeAnswer(id, joined.get(1).participant(), SCS, UUID.randomUUID(), Lane.STOP, marker + " lopetetaan");
            UUID touchpoint = UUID.randomUUID();
            participants.addTouchpoint(id, joined.get(0).participant(), JOURNEY, touchpoint, Activity.JourneyStage.values()[0],
                    Activity.TouchpointOwner.values()[0], marker + " puhelu", 4, 2);
            facilitation.markTouchpoint(id, JOURNEY, touchpoint, "peak", true);
            if (earlier != null) {
                facilitation.reviewTarget(id, earlier, ReviewOutcome.IN_PROGRESS, marker + " edistyy");
            }
            facilitation.reviewTarget(id, finished, ReviewOutcome.DONE, marker + " tehty");
            participants.rate(id, joined.get(0).participant(), PULSE, 9);
            if (close) {
                facilitation.close(id);
            }
            return new Run(sessions.find(id).orElseThrow(), List.copyOf(joined), open, finished);
        }));
    }
}
