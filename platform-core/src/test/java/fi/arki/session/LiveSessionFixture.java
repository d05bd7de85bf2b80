package fi.arki.session;

import fi.arki.deck.Activity;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.directory.Unit;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.testing.Actors;
import fi.arki.testing.TestDeckCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * A running session of {@link TestDeckCatalog}'s deck (both cards) with every kind of row the live
 * read returns, written through the real services: {@code n} participants (guests, and in a named
 * session with names), each with a prompt answer and a lane answer, two groups holding some answers,
 * votes, ratings, touchpoints (one marked as the peak) and, in an anonymous session, one answer held
 * (written after its step was revealed). {@link Written} is what went in, for tests to compare the
 * read with and for the live-read benchmark to read. Runs as Arki itself under a new tenant.
 */
public final class LiveSessionFixture {

    public static final int PROMPT = 1;
    public static final int GROUP = 2;
    public static final int VOTE = 3;
    public static final int RATE = 4;
    public static final int SCS = 6;
    public static final int JOURNEY = 7;
    public static final int PULSE = 9;

    private final TenantManagement tenants;
    private final DirectoryManagement directory;
    private final SessionManagement sessions;
    private final ParticipantManagement participants;
    private final SessionStartManagement starts;
    private final FacilitationManagement facilitation;
    private final JoinManagement joins;

    public LiveSessionFixture(ApplicationContext context) {
        this.tenants = context.getBean(TenantManagement.class);
        this.directory = context.getBean(DirectoryManagement.class);
        this.sessions = context.getBean(SessionManagement.class);
        this.participants = context.getBean(ParticipantManagement.class);
        this.starts = context.getBean(SessionStartManagement.class);
        this.facilitation = context.getBean(FacilitationManagement.class);
        this.joins = context.getBean(JoinManagement.class);
    }

    /** An answer as written: {@code held} where it was written after its step was revealed in an anonymous session. */
    public record WrittenAnswer(UUID id, int step, ParticipantId author, Lane lane, String text, boolean held) {
    }

    public record WrittenTouchpoint(UUID id, ParticipantId author, Activity.JourneyStage stage, Activity.TouchpointOwner owner,
                                    String label, int emotion, int effort, boolean peak) {
    }

    public record Written(TenantId tenant, SessionInfo session, Person facilitator, List<Joined> joined, List<String> names,
                          List<WrittenAnswer> answers, List<LiveState.Group> groups, List<LiveState.Grouping> groupings,
                          List<LiveState.Vote> votes, List<LiveState.Rating> ratings, List<WrittenTouchpoint> touchpoints) {
    }

    /** A new tenant with a facilitator, and a running session there with {@code n} participants' rows of every kind. */
    public Written write(SessionMode mode, int n) {
        TenantId tenant = TenantId.random();
        tenants.create(tenant, "snap-" + tenant.value().toString().substring(0, 8), "Snapshot");
        return TenantContext.callAs(tenant, () -> Actors.asSystem(() -> {
            Unit unit = directory.createUnit("Yrityspalvelut");
            Team team = directory.createTeam(unit.id(), "Rahoitus");
            Person facilitator = directory.addPerson("Fanni Fasilitaattori", null, null);
            directory.grantRole(facilitator.id(), Role.FACILITATOR);
            directory.addToTeam(team.id(), facilitator.id(), true);
            SessionInfo info = starts.startFor(facilitator.id(), new SessionStart(List.of(team.id()), TestDeckCatalog.DECK, List.of(),
                    mode, null));
            SessionId id = info.id();
            List<Joined> joined = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String name = mode == SessionMode.NAMED ? "Vieras " + i : null;
                names.add(name);
                joined.add(joins.join(id, Joiner.guest(name, null, i % 2 == 0 ? Language.FI : Language.SV)));
            }
            List<WrittenAnswer> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ParticipantId p = joined.get(i).participant();
                UUID prompt = UUID.randomUUID();
                participants.writeAnswer(id, p, PROMPT, prompt, null, "Vastaus " + i);
                answers.add(new WrittenAnswer(prompt, PROMPT, p, null, "Vastaus " + i, false));
                UUID lane = UUID.randomUUID();
                Lane which = Lane.values()[i % Lane.values().length];
                participants.writeAnswer(id, p, SCS, lane, which, "Kaista " + i);
                answers.add(new WrittenAnswer(lane, SCS, p, which, "Kaista " + i, false));
            }
            List<LiveState.Group> groups = new ArrayList<>();
            List<LiveState.Grouping> groupings = new ArrayList<>();
            for (int g = 0; g < 2; g++) {
                UUID group = UUID.randomUUID();
                facilitation.saveGroup(id, GROUP, group, "Ryhmä " + g);
                groups.add(new LiveState.Group(group, GROUP, "Ryhmä " + g));
            }
            // every third prompt answer into a group, alternately
            for (int i = 0; i < n; i += 3) {
                UUID answer = answers.get(2 * i).id();
                UUID group = groups.get((i / 3) % 2).id();
                facilitation.assign(id, GROUP, answer, group);
                groupings.add(new LiveState.Grouping(GROUP, answer, group));
            }
            List<LiveState.Vote> votes = new ArrayList<>();
            List<LiveState.Rating> ratings = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ParticipantId p = joined.get(i).participant();
                // the next participant's prompt answer, one or two dots (the deck's budget is 3)
                UUID item = answers.get(2 * ((i + 1) % n)).id();
                int dots = 1 + i % 2;
                participants.setDots(id, p, VOTE, item, dots);
                votes.add(new LiveState.Vote(VOTE, p, item, dots));
                participants.rate(id, p, RATE, 1 + i % 5);
                ratings.add(new LiveState.Rating(RATE, p, 1 + i % 5));
                participants.rate(id, p, PULSE, i % 11);
                ratings.add(new LiveState.Rating(PULSE, p, i % 11));
            }
            List<WrittenTouchpoint> touchpoints = new ArrayList<>();
            for (int i = 0; i < Math.min(n, 6); i++) { // the test deck allows 2 per stage
                UUID touchpoint = UUID.randomUUID();
                var stage = Activity.JourneyStage.values()[i % Activity.JourneyStage.values().length];
                var owner = Activity.TouchpointOwner.values()[i % Activity.TouchpointOwner.values().length];
                participants.addTouchpoint(id, joined.get(i).participant(), JOURNEY, touchpoint, stage, owner, "Kohta " + i,
                        1 + i % 5, 1 + i % 7);
                touchpoints.add(new WrittenTouchpoint(touchpoint, joined.get(i).participant(), stage, owner, "Kohta " + i,
                        1 + i % 5, 1 + i % 7, i == 0));
            }
            facilitation.markTouchpoint(id, JOURNEY, touchpoints.getFirst().id(), "peak", true);
            // after the reveal, a new answer of an anonymous session is held (V86); of a named one, shown
            facilitation.reveal(id, PROMPT, true);
            UUID late = UUID.randomUUID();
            participants.writeAnswer(id, joined.getFirst().participant(), PROMPT, late, null, "Myöhäinen vastaus");
            answers.add(new WrittenAnswer(late, PROMPT, joined.getFirst().participant(), null, "Myöhäinen vastaus",
                    mode == SessionMode.ANONYMOUS));
            return new Written(tenant, sessions.find(id).orElseThrow(), facilitator, List.copyOf(joined), names, List.copyOf(answers),
                    List.copyOf(groups), List.copyOf(groupings), List.copyOf(votes), List.copyOf(ratings), List.copyOf(touchpoints));
        }));
    }
}
