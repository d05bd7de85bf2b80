package fi.arki.insight;

import fi.arki.deck.Activity;
import fi.arki.deck.ActivityKind;
import fi.arki.deck.DeckTexts;
import fi.arki.deck.InstalledDeck;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.PersonId;
import fi.arki.directory.Team;
import fi.arki.directory.TeamId;
import fi.arki.directory.Unit;
import fi.arki.directory.UnitId;
import fi.arki.followup.DevelopmentTarget;
import fi.arki.insight.Summary.Row;
import fi.arki.insight.Summary.Section;
import fi.arki.session.LiveState;
import fi.arki.session.SessionId;
import fi.arki.session.SessionInfo;
import fi.arki.session.SessionManagement;
import fi.arki.session.SessionTitles;
import fi.arki.tenancy.TenantSettingsManagement;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.Language;
import fi.arki.shared.OrganisationName;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import fi.arki.insight.internal.ExportTexts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds a closed session's summary for someone allowed to see it: the team, its supervisor and
 * the session's facilitators. Ratings below the tenant's anonymity threshold are withheld, and an
 * anonymous session's summary names nobody.
 */
@Service
@Transactional(readOnly = true)
@jakarta.annotation.security.PermitAll
public class SummaryManagement {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d.M.yyyy");

    private final SessionManagement sessions;
    private final DirectoryManagement directory;
    private final ExportTexts words;
    private final TenantSettingsManagement settings;

    SummaryManagement(SessionManagement sessions, DirectoryManagement directory, ExportTexts words,
                      TenantSettingsManagement settings) {
        this.sessions = sessions;
        this.directory = directory;
        this.words = words;
        this.settings = settings;
    }

    public Summary summary(SessionId id, PersonId viewer, Language language) {
        SessionInfo info = sessions.find(id).orElseThrow(() -> new InvalidInputException("session.error.not-found"));
        if (!sessions.maySeeSummary(info, viewer)) {
            throw new InvalidInputException("summary.error.not-allowed");
        }
        return build(sessions.state(id), sessions.deckOf(info), language);
    }

    Summary build(LiveState state, InstalledDeck deck, Language language) {
        DeckTexts texts = deck.texts();
        OrganisationName org = state.organisation();
        boolean named = !state.session().anonymous();
        var organisation = directory.organisation();
        Map<UnitId, String> unitNames = organisation.units().stream().map(u -> u.unit())
                .collect(Collectors.toMap(Unit::id, Unit::name));
        Map<TeamId, String> teamNames = organisation.units().stream().flatMap(u -> u.teams().stream())
                .collect(Collectors.toMap(Team::id, Team::name));
        Map<PersonId, String> people = directory.people().stream().collect(Collectors.toMap(Person::id, Person::displayName));
        var participants = state.participantsById();
        Attribution units = new Attribution(participants, unitNames, teamNames);
        List<Section> sections = new ArrayList<>();
        for (LiveState.Step step : state.steps()) {
            if (!reached(state, step)) {
                continue;
            }
            Activity activity = deck.manifest().card(step.cardId()).flatMap(c -> c.activity(step.activityId())).orElseThrow();
            String card = texts.text(language, "card." + step.cardId() + ".title", org);
            String heading = texts.text(language, "card." + step.cardId() + "." + step.activityId(), org);
            List<Row> rows = new ArrayList<>();
            String note = null;
            switch (activity) {
                case Activity.Intro intro -> {
                    continue;
                }
                case Activity.Prompt prompt -> rows.addAll(answerRows(state, step.index(), language, named, participants, units));
                case Activity.StartContinueStop scs -> rows.addAll(answerRows(state, step.index(), language, named, participants, units));
                case Activity.Group group -> {
                    int source = sourceIndex(state, step.cardId(), group.of());
                    Map<UUID, UUID> grouping = state.grouping(step.index());
                    for (LiveState.Group g : state.groups(step.index())) {
                        List<LiveState.Answer> members = state.answers(source).stream()
                                .filter(a -> g.id().equals(grouping.get(a.id()))).toList();
                        if (members.isEmpty()) {
                            rows.add(new Row(g.label(), null, g.label(), null, null, null, null));
                        }
                        members.forEach(a -> rows.add(new Row(a.text(), laneText(a.lane(), language), g.label(), null, null, null, a.id())));
                    }
                }
                case Activity.Vote vote -> {
                    int source = sourceIndex(state, step.cardId(), vote.of());
                    Map<UUID, Integer> totals = state.totals(step.index());
                    List<Row> voted = new ArrayList<>();
                    // groups and ideas in no group, counted alike (as the vote offered them)
                    state.optionsOver(source).forEach(o -> voted.add(o.group()
                            ? new Row(o.text(), null, o.text(), totals.getOrDefault(o.id(), 0), null, null, null)
                            : new Row(o.text(), laneText(o.lane(), language), null, totals.getOrDefault(o.id(), 0), null, null, o.id())));
                    voted.sort((a, b) -> Integer.compare(b.votes(), a.votes()));
                    rows.addAll(voted);
                }
                case Activity.Rate rate -> note = ratingRows(state, step.index(), rate.scale(), language, rows);
                case Activity.Pulse pulse -> note = ratingRows(state, step.index(), pulse.scale(), language, rows);
                case Activity.JourneyMap map -> state.touchpoints(step.index()).forEach(t -> {
                    StringBuilder details = new StringBuilder(words.text(language, "touchpoint", t.emotion(), t.effort()));
                    if (t.peak()) details.append(", ").append(words.text(language, "peak"));
                    if (t.end()) details.append(", ").append(words.text(language, "end"));
                    if (t.improve()) details.append(", ").append(words.text(language, "improve"));
                    rows.add(new Row(t.label() + " (" + details + ")", words.text(language, "stage." + t.stage().code()),
                            words.text(language, "owner." + t.owner().code()), null, null,
                            units.of(t.author(), t.unit()), null));
                });
                case Activity.CommitTargets commit -> {
                    // the targets themselves have their own place; the step shows up only for an explicit "no new target"
                    if (!state.noNewTarget(step.index())) {
                        continue;
                    }
                    note = words.text(language, "no-new-target");
                }
                case Activity.ReviewTargets review -> {
                    continue;
                }
            }
            if (rows.isEmpty() && note == null) {
                note = words.text(language, "none");
            }
            sections.add(new Section(card, heading, activity.kind().code(), rows, note));
        }
        List<Summary.TargetLine> targets = state.committedTargets().stream()
                .map(t -> new Summary.TargetLine(t.title(), owner(t, people), DATE.format(t.due()), t.dimension() == null ? null
                        : dimensionText(deck, language, t.dimension(), org)))
                .toList();
        Map<fi.arki.followup.TargetId, DevelopmentTarget> earlier = state.earlierTargets().stream()
                .collect(Collectors.toMap(DevelopmentTarget::id, Function.identity(), (a, b) -> a));
        List<Summary.ReviewLine> reviews = state.reviews().stream()
                .map(r -> new Summary.ReviewLine(Optional.ofNullable(earlier.get(r.target())).map(DevelopmentTarget::title).orElse("?"),
                        words.text(language, "outcome." + r.outcome().code()), r.note()))
                .toList();
        String title = SessionTitles.inLanguage(state.session().title(), deck, settings.current().defaultLanguage(),
                language);
        return new Summary(title, texts.text(language, "deck.title", org), org.name(), language,
                state.session().createdAt(), state.session().closedAt(), state.session().anonymous(),
                state.participants().size(), sections, targets, reviews,
                state.participants().stream().anyMatch(p -> p.team() != null));
    }

    /**
     * Whose name an answer or touchpoint is shown under: its writer's team where the deck
     * attributed answers to teams when the writer joined ({@code attribute-to-teams}), its unit
     * otherwise; never a person.
     */
    private record Attribution(Map<fi.arki.session.ParticipantId, LiveState.Participant> participants, Map<UnitId, String> units,
                               Map<TeamId, String> teams) {

        String of(fi.arki.session.ParticipantId author, UnitId unit) {
            LiveState.Participant writer = participants.get(author);
            if (writer != null && writer.team() != null) {
                return teams.get(writer.team());
            }
            return unit == null ? null : units.get(unit);
        }
    }

    private static String dimensionText(InstalledDeck deck, Language language, String dimension, OrganisationName org) {
        return deck.texts().find(language, "dimension." + dimension).map(t -> org.fill(t, language))
                .or(() -> deck.manifest().cards().stream().filter(c -> dimension.equals(c.dimension())).findFirst()
                        .map(c -> deck.texts().text(language, "card." + c.id() + ".title", org)))
                .orElse(dimension);
    }

    private static String owner(DevelopmentTarget t, Map<PersonId, String> people) {
        if (t.ownerPerson() != null) {
            return people.getOrDefault(t.ownerPerson(), "—");
        }
        return t.ownerName() == null ? "" : t.ownerName();
    }

    private List<Row> answerRows(LiveState state, int step, Language language, boolean named,
                                        Map<fi.arki.session.ParticipantId, LiveState.Participant> participants, Attribution units) {
        return state.answers(step).stream().map(a -> new Row(a.text(), laneText(a.lane(), language), null, null,
                named ? Optional.ofNullable(participants.get(a.author())).map(LiveState.Participant::name).orElse(null) : null,
                units.of(a.author(), a.unit()), a.id())).toList();
    }

    private String laneText(fi.arki.session.Lane lane, Language language) {
        return lane == null ? null : words.text(language, "lane." + lane.code());
    }

    private static int sourceIndex(LiveState state, String cardId, String activityId) {
        return state.steps().stream().filter(s -> s.cardId().equals(cardId) && s.activityId().equals(activityId))
                .findFirst().map(LiveState.Step::index).orElse(-1);
    }

    /** Adds a rating's figures, or returns the note that withholds them. */
    private String ratingRows(LiveState state, int step, fi.arki.deck.RatingScale scale, Language language, List<Row> rows) {
        Optional<LiveState.RatingResult> result = state.result(step, scale);
        if (result.isEmpty()) {
            return words.text(language, "rating.withheld", state.anonymityThreshold());
        }
        LiveState.RatingResult r = result.get();
        rows.add(new Row(words.text(language, "rating.average", String.format(language.locale(), "%.1f", r.average()),
                r.respondents()), null, null, null, null, null, null));
        if (r.netScore() != null) {
            rows.add(new Row(words.text(language, "rating.net", r.netScore()), null, null, null, null, null, null));
        }
        r.distribution().forEach((value, count) -> rows.add(new Row(words.text(language, "rating.value", value, count),
                null, null, null, null, null, null)));
        return null;
    }

    /**
     * Whether the session got to a step: it was opened (started there or the facilitator went
     * there), or something was written, grouped, voted or rated there. A whole-deck session run for
     * one card, or a facilitator who jumped over questions, would otherwise list every question it
     * never asked as unanswered.
     */
    static boolean reached(LiveState state, LiveState.Step step) {
        int i = step.index();
        return step.opened() || step.revealed() || step.locked() || !state.answers(i).isEmpty()
                || !state.groups(i).isEmpty() || !state.votes(i).isEmpty() || !state.ratings(i).isEmpty()
                || !state.touchpoints(i).isEmpty();
    }

    /** Whether a kind produces a section in summaries (intro, targets and reviews have their own places). */
    static boolean summarised(ActivityKind kind) {
        return kind != ActivityKind.INTRO && kind != ActivityKind.COMMIT_TARGETS && kind != ActivityKind.REVIEW_TARGETS;
    }
}
