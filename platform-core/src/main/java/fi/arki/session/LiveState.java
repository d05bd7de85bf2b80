package fi.arki.session;

import fi.arki.deck.Activity;
import fi.arki.deck.ActivityKind;
import fi.arki.deck.RatingScale;
import fi.arki.directory.TeamId;
import fi.arki.directory.UnitId;
import fi.arki.followup.DevelopmentTarget;
import fi.arki.followup.TargetId;
import fi.arki.followup.TargetReview;
import fi.arki.shared.OrganisationName;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Everything of one session as it is committed in the database at one moment: what every view
 * (facilitator, presenter, participant, summary) renders from. Views pick what their viewer may
 * see; nothing here is shown as such.
 *
 * <p>Written answers are always listed in text order, never in the order they were written, so
 * that in an anonymous session the order cannot tell who wrote what. {@link #answers()} also
 * holds the answers that are {@linkplain Answer#held() held}: only their writers may see them, so
 * views list answers through {@link #answers(int)} (everyone's) and {@link #answers(int, ParticipantId)}
 * (one's own). {@code sources} maps each group and vote step to the step it is over;
 * {@code noNewTarget} holds the commit-targets steps on which the team decided on no new target.
 */
public record LiveState(SessionInfo session, long version, int currentStep, @Nullable Instant timerEndsAt,
                        List<Step> steps, List<Participant> participants, List<Answer> answers,
                        List<Group> groups, List<Grouping> groupings, List<Vote> votes, List<Rating> ratings,
                        List<Touchpoint> touchpoints, List<DevelopmentTarget> committedTargets,
                        List<DevelopmentTarget> earlierTargets, List<TargetReview> reviews,
                        int anonymityThreshold, OrganisationName organisation, Map<Integer, Integer> voteBudgets,
                        int touchpointsPerStage, Map<Integer, Integer> sources, java.util.Set<Integer> noNewTarget) {

    public static final Comparator<Answer> TEXT_ORDER = Comparator
            .comparing((Answer a) -> a.text().toLowerCase(java.util.Locale.ROOT))
            .thenComparing(a -> a.id().toString());

    public LiveState {
        steps = List.copyOf(steps);
        participants = List.copyOf(participants);
        answers = answers.stream().sorted(TEXT_ORDER).toList();
        groups = List.copyOf(groups);
        groupings = List.copyOf(groupings);
        votes = List.copyOf(votes);
        ratings = List.copyOf(ratings);
        touchpoints = List.copyOf(touchpoints);
        committedTargets = List.copyOf(committedTargets);
        earlierTargets = List.copyOf(earlierTargets);
        reviews = List.copyOf(reviews);
        voteBudgets = Map.copyOf(voteBudgets);
        sources = Map.copyOf(sources);
        noNewTarget = java.util.Set.copyOf(noNewTarget);
    }

    /** Whether the facilitator recorded "no new target" on this commit-targets step (withdrawn when a target is committed). */
    public boolean noNewTarget(int step) {
        return noNewTarget.contains(step);
    }

    /** How many dots each participant has in a vote step (the deck's budget, or the tenant's setting for it). */
    public int budget(int step) {
        return voteBudgets.getOrDefault(step, 0);
    }

    /** Whether a journey map's stage has all the touchpoints the deck's setting allows (0: no limit). */
    public boolean stageFull(int step, Activity.JourneyStage stage) {
        return touchpointsPerStage > 0
                && touchpoints.stream().filter(t -> t.step() == step && t.stage() == stage).count() >= touchpointsPerStage;
    }

    /** One activity of a chosen card, in the order the session runs them. */
    /** A step of the session; {@code opened} once the session has been on it (started there, or the facilitator went there). */
    public record Step(int index, String cardId, String activityId, ActivityKind kind, boolean revealed, boolean locked, boolean opened) {
    }

    /**
     * A participant; {@code name} only in named sessions. {@code team} only where the deck
     * attributed answers to teams when the participant joined: its answers and touchpoints are
     * then shown under the team's name instead of the unit's.
     */
    public record Participant(ParticipantId id, @Nullable String name, @Nullable UnitId unit, @Nullable TeamId team, boolean guest,
                              boolean present) {
    }

    /**
     * A written answer. {@code held}: written after its step was revealed in an anonymous session;
     * shown to nobody but its writer, and counted nowhere, until a reveal releases it with others
     * (see {@code HeldAnswers}).
     */
    public record Answer(UUID id, int step, ParticipantId author, @Nullable UnitId unit, @Nullable Lane lane, String text,
                         long version, boolean held) {

        public Answer(UUID id, int step, ParticipantId author, @Nullable UnitId unit, @Nullable Lane lane, String text, long version) {
            this(id, step, author, unit, lane, text, version, false);
        }
    }

    public record Group(UUID id, int step, String label) {
    }

    public record Grouping(int step, UUID answerId, UUID groupId) {
    }

    public record Vote(int step, ParticipantId participant, UUID item, int dots) {
    }

    public record Rating(int step, ParticipantId participant, int value) {
    }

    public record Touchpoint(UUID id, int step, ParticipantId author, @Nullable UnitId unit, Activity.JourneyStage stage,
                             Activity.TouchpointOwner owner, String label, int emotion, int effort, boolean peak,
                             boolean end, boolean improve) {
    }

    /** A rating's result, present only when enough people answered to keep it anonymous. */
    public record RatingResult(int respondents, double average, Map<Integer, Long> distribution, @Nullable Integer netScore) {
    }

    public Optional<Step> step(int index) {
        return index >= 0 && index < steps.size() ? Optional.of(steps.get(index)) : Optional.empty();
    }

    public Step current() {
        return steps.get(Math.min(currentStep, steps.size() - 1));
    }

    public int present() {
        return (int) participants.stream().filter(Participant::present).count();
    }

    /** The answers of a step that everyone who may see answers sees: never the held ones. */
    public List<Answer> answers(int step) {
        return answers.stream().filter(a -> a.step() == step && !a.held()).toList();
    }

    /** One participant's own answers of a step, held ones too: a writer always sees what they wrote. */
    public List<Answer> answers(int step, ParticipantId author) {
        return answers.stream().filter(a -> a.step() == step && a.author().equals(author)).toList();
    }

    /** The fewest held answers a reveal shows together: one shown on its own would single out its writer. */
    public static final int HELD_BATCH = 2;

    /** How many answers of a step are held until the next reveal (for the facilitator; see {@code HeldAnswers}). */
    public int held(int step) {
        return (int) answers.stream().filter(a -> a.step() == step && a.held()).count();
    }

    /**
     * What a vote step offers, each counted alike in the budget and the results: over a group
     * step, every group and every answer of the grouped step that is in no group; over a writing
     * step, its answers. Groups first (by label), then answers (in text order).
     */
    public List<VoteOption> voteOptions(int voteStep) {
        Integer source = sources.get(voteStep);
        return source == null ? List.of() : optionsOver(source);
    }

    /** What a vote over step {@code source} offers (see {@link #voteOptions(int)}). */
    public List<VoteOption> optionsOver(int source) {
        Step over = step(source).orElse(null);
        if (over == null) {
            return List.of();
        }
        List<VoteOption> options = new java.util.ArrayList<>();
        List<Answer> ideas = answers(over.index());
        if (over.kind() == ActivityKind.GROUP) {
            groups(over.index()).forEach(g -> options.add(new VoteOption(g.id(), g.label(), null, true)));
            Integer grouped = sources.get(over.index());
            Map<UUID, UUID> grouping = grouping(over.index());
            ideas = grouped == null ? List.of() : answers(grouped).stream().filter(a -> !grouping.containsKey(a.id())).toList();
        }
        ideas.forEach(a -> options.add(new VoteOption(a.id(), a.text(), a.lane(), false)));
        return List.copyOf(options);
    }

    public List<Group> groups(int step) {
        return groups.stream().filter(g -> g.step() == step).sorted(Comparator.comparing(Group::label, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(g -> g.id().toString())).toList();
    }

    /** Answer id → group id, for one group step. */
    public Map<UUID, UUID> grouping(int groupStep) {
        return groupings.stream().filter(g -> g.step() == groupStep)
                .collect(Collectors.toMap(Grouping::answerId, Grouping::groupId));
    }

    public List<Vote> votes(int step) {
        return votes.stream().filter(v -> v.step() == step && v.dots() > 0).toList();
    }

    public int dotsUsed(int step, ParticipantId participant) {
        return votes.stream().filter(v -> v.step() == step && v.participant().equals(participant)).mapToInt(Vote::dots).sum();
    }

    public int dotsGiven(int step, ParticipantId participant, UUID item) {
        return votes.stream().filter(v -> v.step() == step && v.participant().equals(participant) && v.item().equals(item))
                .mapToInt(Vote::dots).sum();
    }

    /** Item id → total dots, for one vote step. */
    public Map<UUID, Integer> totals(int step) {
        return votes.stream().filter(v -> v.step() == step)
                .collect(Collectors.groupingBy(Vote::item, Collectors.summingInt(Vote::dots)));
    }

    public List<Rating> ratings(int step) {
        return ratings.stream().filter(r -> r.step() == step).toList();
    }

    public Optional<Rating> rating(int step, ParticipantId participant) {
        return ratings.stream().filter(r -> r.step() == step && r.participant().equals(participant)).findFirst();
    }

    /**
     * The result of a rate or pulse step, or empty when fewer people than the tenant's anonymity
     * threshold have answered: then no average, distribution or score may be shown at all.
     */
    public Optional<RatingResult> result(int step, RatingScale scale) {
        List<Rating> given = ratings(step);
        if (given.size() < anonymityThreshold || given.isEmpty()) {
            return Optional.empty();
        }
        double average = given.stream().mapToInt(Rating::value).average().orElse(0);
        Map<Integer, Long> distribution = given.stream().collect(Collectors.groupingBy(Rating::value, java.util.TreeMap::new,
                Collectors.counting()));
        Integer net = null;
        if (scale == RatingScale.NPS || scale == RatingScale.ENPS) {
            long promoters = given.stream().filter(r -> r.value() >= 9).count();
            long detractors = given.stream().filter(r -> r.value() <= 6).count();
            net = (int) Math.round(100.0 * (promoters - detractors) / given.size());
        }
        return Optional.of(new RatingResult(given.size(), average, distribution, net));
    }

    public List<Touchpoint> touchpoints(int step) {
        return touchpoints.stream().filter(t -> t.step() == step)
                .sorted(Comparator.comparing(Touchpoint::stage).thenComparing(Touchpoint::label, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(t -> t.id().toString()))
                .toList();
    }

    public Optional<TargetReview> review(TargetId target) {
        return reviews.stream().filter(r -> r.target().equals(target)).findFirst();
    }

    public Map<ParticipantId, Participant> participantsById() {
        return participants.stream().collect(Collectors.toMap(Participant::id, Function.identity()));
    }

    /** How many different participants have answered a step (written, rated, voted or mapped). */
    public int respondents(int step) {
        java.util.Set<ParticipantId> who = new java.util.HashSet<>();
        // a held answer is not counted: the count going up by one after a reveal would point at its writer
        answers.stream().filter(a -> a.step() == step && !a.held()).forEach(a -> who.add(a.author()));
        ratings.stream().filter(r -> r.step() == step).forEach(r -> who.add(r.participant()));
        votes.stream().filter(v -> v.step() == step && v.dots() > 0).forEach(v -> who.add(v.participant()));
        touchpoints.stream().filter(t -> t.step() == step).forEach(t -> who.add(t.author()));
        return who.size();
    }
}
