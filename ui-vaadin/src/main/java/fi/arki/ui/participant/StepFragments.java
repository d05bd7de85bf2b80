package fi.arki.ui.participant;

import fi.arki.deck.Activity;
import fi.arki.deck.ActivityKind;
import fi.arki.deck.RatingScale;
import fi.arki.followup.DevelopmentTarget;
import fi.arki.session.Lane;
import fi.arki.session.LiveState;
import fi.arki.session.SessionManagement;
import fi.arki.shared.Language;
import fi.arki.tenancy.TenantContext;
import fi.arki.ui.i18n.ArkiI18NProvider;
import fi.arki.ui.session.SessionTexts;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The shared part of a participant's page: the current step as one {@code <div id="step">}
 * fragment, the same for every participant of one language and kind. It reads nothing of the
 * individual participant, so the live broadcaster renders it once per language and kind and
 * sends the same bytes to everyone; the personal bits (own answers, own budget, the forms with
 * their CSRF token) go into the {@link #PERSONAL_SLOT} from {@link PersonalFragments}.
 * Needs the session's tenant bound (the deck's texts).
 */
@Component
public class StepFragments {

    /** The empty element in every step fragment where the participant's own part goes. */
    public static final String PERSONAL_SLOT = "<div id=\"personal\"></div>";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d.M.yyyy");

    private final TemplateEngine templates;
    private final ArkiI18NProvider i18n;
    private final SessionManagement sessions;

    StepFragments(TemplateEngine templates, ArkiI18NProvider i18n, SessionManagement sessions) {
        this.templates = templates;
        this.i18n = i18n;
        this.sessions = sessions;
    }

    /** The step fragment of this snapshot in this language for this kind of participant. */
    public String render(LiveState state, Locale locale, ParticipantKind kind) {
        Texts t = new Texts(i18n, locale);
        StringOutput out = new StringOutput();
        templates.render("participant/step.jte", Map.of("v", view(state, t, kind), "t", t), out);
        return out.toString();
    }

    /** The deck texts of the snapshot's session in this language (shared by every viewer). */
    SessionTexts texts(LiveState state, Locale locale) {
        return SessionTexts.shared(TenantContext.require(), state.session().id(), sessions.deckOf(state.session()),
                Language.of(locale), state.organisation());
    }

    StepView view(LiveState state, Texts t, ParticipantKind kind) {
        String session = state.session().id().value().toString();
        if (!state.session().running()) {
            return new StepView(session, state.version(), -1, "closed", true, "", "", "", null, null, true, true, List.of(), false,
                    List.of(), null, List.of(), targets(state.committedTargets(), texts(state, t.locale()), t), List.of(), false,
                    state.committedTargets().isEmpty() && !state.noNewTarget().isEmpty());
        }
        SessionTexts texts = texts(state, t.locale());
        LiveState.Step step = state.current();
        SessionTexts.StepText text = texts.step(step);
        String progress = texts.progress(step.index(), state.steps().size(), (n, of) -> t.t("session.step.progress", n, of));
        Activity activity = texts.activity(step);
        StepView.Intro intro = null;
        List<StepView.AnswerColumn> answers = List.of();
        boolean answersShown = false;
        List<StepView.GroupRow> groups = List.of();
        StepView.RatingResult rating = null;
        List<StepView.StageColumn> journey = List.of();
        List<StepView.TargetRow> targets = null;
        List<StepView.ReviewRow> reviews = List.of();
        switch (activity) {
            case Activity.Intro i -> intro = new StepView.Intro(texts.source(step).map(s -> t.t("session.intro.source", s)).orElse(null),
                    SessionTexts.safeLink(i.videoUrl()).orElse(null),
                    i.image() == null ? null : "/p/" + session + "/image?name=" + java.net.URLEncoder.encode(i.image(),
                            java.nio.charset.StandardCharsets.UTF_8),
                    texts.alt(step).orElse(""));
            case Activity.Prompt p -> {
                answersShown = step.revealed();
                answers = step.revealed() ? answers(state, step.index(), false, t) : List.of();
            }
            case Activity.StartContinueStop s -> {
                answersShown = step.revealed();
                answers = step.revealed() ? answers(state, step.index(), true, t) : List.of();
            }
            case Activity.Group g -> groups = groups(state, step, g.of());
            case Activity.Rate r -> rating = step.revealed() ? rating(state, step, r.scale(), t) : null;
            case Activity.Pulse p -> rating = step.revealed() ? rating(state, step, p.scale(), t) : null;
            case Activity.JourneyMap m -> journey = journey(state, step, m, t);
            case Activity.CommitTargets c -> targets = targets(state.committedTargets(), texts, t);
            case Activity.ReviewTargets r -> reviews = state.earlierTargets().stream().map(target -> new StepView.ReviewRow(target.title(),
                    state.review(target.id()).map(rv -> t.t("session.review.outcome." + rv.outcome().code())).orElse(null))).toList();
            default -> {
            }
        }
        return new StepView(session, state.version(), step.index(), kindName(step.kind()), false, progress, text.cardTitle(),
                text.question(), text.help().orElse(null), intro, step.locked(), step.revealed(), answers, answersShown, groups, rating,
                journey, targets, reviews, step.kind() == ActivityKind.REVIEW_TARGETS, state.noNewTarget(step.index()));
    }

    static String kindName(ActivityKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static List<StepView.AnswerColumn> answers(LiveState state, int step, boolean lanes, Texts t) {
        var people = state.participantsById();
        boolean named = !state.session().anonymous();
        java.util.function.Function<LiveState.Answer, StepView.AnswerRow> row = a -> new StepView.AnswerRow(a.text(),
                named ? Optional.ofNullable(people.get(a.author())).map(LiveState.Participant::name).orElse(null) : null);
        if (!lanes) {
            return List.of(new StepView.AnswerColumn(null, state.answers(step).stream().map(row).toList()));
        }
        List<StepView.AnswerColumn> columns = new ArrayList<>();
        for (Lane lane : Lane.values()) {
            columns.add(new StepView.AnswerColumn(t.t("session.lane." + lane.code()),
                    state.answers(step).stream().filter(a -> a.lane() == lane).map(row).toList()));
        }
        return columns;
    }

    private static List<StepView.GroupRow> groups(LiveState state, LiveState.Step step, String of) {
        Optional<LiveState.Step> source = sourceOf(state, step, of);
        if (source.isEmpty()) {
            return List.of();
        }
        Map<UUID, UUID> grouping = state.grouping(step.index());
        return state.groups(step.index()).stream().map(g -> new StepView.GroupRow(g.label(), state.answers(source.get().index()).stream()
                .filter(a -> g.id().equals(grouping.get(a.id()))).map(LiveState.Answer::text).toList())).toList();
    }

    static Optional<LiveState.Step> sourceOf(LiveState state, LiveState.Step step, String activityId) {
        return state.steps().stream().filter(s -> s.cardId().equals(step.cardId()) && s.activityId().equals(activityId)).findFirst();
    }

    private static StepView.RatingResult rating(LiveState state, LiveState.Step step, RatingScale scale, Texts t) {
        String respondents = t.t("session.rating.respondents", state.ratings(step.index()).size());
        Optional<LiveState.RatingResult> result = state.result(step.index(), scale);
        if (result.isEmpty()) {
            return new StepView.RatingResult(respondents, t.t("session.rating.withheld", state.anonymityThreshold()), null, null, List.of());
        }
        LiveState.RatingResult r = result.get();
        long most = Math.max(1, r.distribution().values().stream().mapToLong(Long::longValue).max().orElse(1));
        List<StepView.Bar> bars = new ArrayList<>();
        for (int value = scale.min(); value <= scale.max(); value++) {
            long count = r.distribution().getOrDefault(value, 0L);
            String label = scale == RatingScale.SMILEYS ? t.t("session.emotion." + value) : String.valueOf(value);
            bars.add(new StepView.Bar(label, count, (int) (count * 100 / most)));
        }
        return new StepView.RatingResult(respondents, null, t.t("session.rating.average", String.format(t.locale(), "%.1f", r.average())),
                r.netScore() == null ? null : t.t("session.rating.net", r.netScore()), bars);
    }

    private static List<StepView.StageColumn> journey(LiveState state, LiveState.Step step, Activity.JourneyMap map, Texts t) {
        List<StepView.StageColumn> columns = new ArrayList<>();
        for (Activity.JourneyStage stage : map.stages()) {
            columns.add(new StepView.StageColumn(t.t("session.stage." + stage.code()), state.touchpoints(step.index()).stream()
                    .filter(tp -> tp.stage() == stage).map(tp -> {
                        List<String> badges = new ArrayList<>();
                        if (tp.peak()) badges.add(t.t("session.touchpoint.peak"));
                        if (tp.end()) badges.add(t.t("session.touchpoint.end"));
                        if (tp.improve()) badges.add(t.t("session.touchpoint.improve"));
                        return new StepView.TouchpointRow(tp.label(), t.t("session.touchpoint.details",
                                t.t("session.owner." + tp.owner().code()), t.t("session.emotion." + tp.emotion()), tp.effort()), badges);
                    }).toList()));
        }
        return columns;
    }

    private static List<StepView.TargetRow> targets(List<DevelopmentTarget> targets, SessionTexts texts, Texts t) {
        return targets.stream().map(target -> new StepView.TargetRow(target.title(), t.t("session.target.details",
                target.ownerName() == null ? "" : target.ownerName(), DATE.format(target.due()),
                target.dimension() == null ? "–" : texts.dimension(target.dimension())))).toList();
    }
}
