package fi.arki.ui.participant;

import fi.arki.deck.Activity;
import fi.arki.deck.RatingScale;
import fi.arki.session.Lane;
import fi.arki.session.LiveState;
import fi.arki.session.ParticipantId;
import fi.arki.session.ParticipantManagement;
import fi.arki.ui.i18n.ArkiI18NProvider;
import fi.arki.ui.session.SessionTexts;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * The participant's own part of the current step (see {@link StepFragments#PERSONAL_SLOT}): their
 * forms, answers, dots and rating. Rendered per participant on each page load, or fetched by the
 * script after a step change.
 */
@Component
public class PersonalFragments {

    /** What the last post left to show: text the server refused, and why. */
    public record Leftover(@Nullable String typed, @Nullable String problem, @Nullable String id) {
        static final Leftover NONE = new Leftover(null, null, null);
    }

    private final TemplateEngine templates;
    private final ArkiI18NProvider i18n;
    private final StepFragments steps;

    PersonalFragments(TemplateEngine templates, ArkiI18NProvider i18n, StepFragments steps) {
        this.templates = templates;
        this.i18n = i18n;
        this.steps = steps;
    }

    /** {@code focus}: the id of the control the participant last used (focus stays there after the page comes back). */
    public String render(LiveState state, ParticipantId me, Locale locale, CsrfToken csrf, Leftover leftover, String focus) {
        Texts t = new Texts(i18n, locale);
        StringOutput out = new StringOutput();
        templates.render("participant/personal.jte", Map.of("p", view(state, me, t, csrf, leftover), "t", t, "focus", focus), out);
        return out.toString();
    }

    PersonalView view(LiveState state, ParticipantId me, Texts t, CsrfToken csrf, Leftover leftover) {
        String session = state.session().id().value().toString();
        if (!state.session().running()) {
            return new PersonalView(session, -1, "closed", true, csrf.getParameterName(), csrf.getToken(), null, null, null, null, null);
        }
        LiveState.Step step = state.current();
        SessionTexts texts = steps.texts(state, locale(t));
        Activity activity = texts.activity(step);
        PersonalView.Writing writing = null;
        PersonalView.Vote vote = null;
        PersonalView.Rate rate = null;
        PersonalView.Journey journey = null;
        switch (activity) {
            case Activity.Prompt p -> writing = writing(state, step, me, false, leftover);
            case Activity.StartContinueStop s -> writing = writing(state, step, me, true, leftover);
            case Activity.Vote v -> vote = vote(state, step, me, v.of(), t);
            case Activity.Rate r -> rate = rate(state, step, me, r.scale(), t);
            case Activity.Pulse p -> rate = rate(state, step, me, p.scale(), t);
            case Activity.JourneyMap m -> journey = journey(state, step, m, t, leftover);
            default -> {
            }
        }
        return new PersonalView(session, step.index(), StepFragments.kindName(step.kind()), step.locked(), csrf.getParameterName(),
                csrf.getToken(), writing, vote, rate, journey,
                writing == null && journey == null ? leftover.problem() : null);
    }

    private static Locale locale(Texts t) {
        return t.locale();
    }

    private static PersonalView.Writing writing(LiveState state, LiveState.Step step, ParticipantId me, boolean lanes, Leftover leftover) {
        List<PersonalView.OwnAnswer> mine = state.answers(step.index(), me).stream().map(a -> new PersonalView.OwnAnswer(a.id().toString(),
                a.lane() == null ? null : a.lane().code(), a.text(), !step.locked())).toList();
        // text that was not saved keeps its id: sending it again cannot store it twice (had it committed after all)
        return new PersonalView.Writing(leftover.id() != null ? leftover.id() : UUID.randomUUID().toString(), lanes, Lane.START.code(),
                leftover.typed() == null ? "" : leftover.typed(), leftover.problem(), ParticipantManagement.MAX_ANSWER, mine);
    }

    private static PersonalView.Vote vote(LiveState state, LiveState.Step step, ParticipantId me, String of, Texts t) {
        int budget = state.budget(step.index());
        int used = state.dotsUsed(step.index(), me);
        Map<UUID, Integer> totals = state.totals(step.index());
        List<PersonalView.VoteItem> items = new ArrayList<>();
        StepFragments.sourceOf(state, step, of).ifPresent(source -> {
            // every group and every idea in no group (fair voting, issue 11): the same options the service accepts
            var sourceItems = state.optionsOver(source.index()).stream().map(o -> Map.entry(o.id(), o.text())).toList();
            for (var item : sourceItems) {
                int given = state.dotsGiven(step.index(), me, item.getKey());
                items.add(new PersonalView.VoteItem(item.getKey().toString(), item.getValue(), given,
                        used < budget && !step.locked(), given > 0 && !step.locked(),
                        step.revealed() ? t.t("session.vote.total", totals.getOrDefault(item.getKey(), 0)) : null));
            }
        });
        return new PersonalView.Vote(budget, budget - used, step.revealed(), items);
    }

    private static PersonalView.Rate rate(LiveState state, LiveState.Step step, ParticipantId me, RatingScale scale, Texts t) {
        int chosen = state.rating(step.index(), me).map(LiveState.Rating::value).orElse(-1);
        List<PersonalView.Choice> choices = IntStream.rangeClosed(scale.min(), scale.max()).mapToObj(v -> new PersonalView.Choice(v,
                scale == RatingScale.SMILEYS ? t.t("session.emotion." + v) : String.valueOf(v), v == chosen)).toList();
        return new PersonalView.Rate(choices, t.t("session.rate.scale." + scale.code()), chosen);
    }

    private static PersonalView.Journey journey(LiveState state, LiveState.Step step, Activity.JourneyMap map, Texts t, Leftover leftover) {
        List<PersonalView.Option> stages = map.stages().stream()
                .map(s -> new PersonalView.Option(s.code(), t.t("session.stage." + s.code()))).toList();
        List<PersonalView.Option> owners = map.owners().stream()
                .map(o -> new PersonalView.Option(o.code(), t.t("session.owner." + o.code()))).toList();
        List<PersonalView.Option> emotions = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> new PersonalView.Option(String.valueOf(i), t.t("session.emotion." + i))).toList();
        List<PersonalView.Option> efforts = IntStream.rangeClosed(1, 7)
                .mapToObj(i -> new PersonalView.Option(String.valueOf(i), t.t("session.effort." + i))).toList();
        String full = map.stages().stream().filter(s -> state.stageFull(step.index(), s)).findFirst()
                .map(s -> t.t("session.journey.full", state.touchpointsPerStage())).orElse(null);
        return new PersonalView.Journey(UUID.randomUUID().toString(), stages, owners, emotions, efforts, full, leftover.problem());
    }
}
