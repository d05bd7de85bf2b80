package fi.arki.ui.session;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import fi.arki.deck.Activity;
import fi.arki.deck.RatingScale;
import fi.arki.followup.DevelopmentTarget;
import fi.arki.session.Lane;
import fi.arki.session.LiveState;
import fi.arki.session.ParticipantId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Pieces every session view shows: the step's heading, answer lists, rating results, the service
 * path, targets. Everything people wrote is set as text, never as HTML.
 */
final class StepParts {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d.M.yyyy");

    private StepParts() {
    }

    /** Answers in text order; names only in named sessions; lanes as column headings for start-continue-stop. */
    static Component answers(Component i18n, List<LiveState.Answer> answers, boolean lanes,
                             Map<ParticipantId, LiveState.Participant> participants, boolean named, String id) {
        Div box = new Div();
        box.setId(id);
        box.addClassName("arki-answers");
        if (answers.isEmpty()) {
            box.add(new Paragraph(i18n.getTranslation("session.answers.none")));
            return box;
        }
        if (!lanes) {
            box.add(list(answers, participants, named));
            return box;
        }
        box.addClassName("arki-lanes");
        for (Lane lane : Lane.values()) {
            Div column = new Div();
            column.addClassName("arki-lane");
            column.add(new H3(i18n.getTranslation("session.lane." + lane.code())));
            column.add(list(answers.stream().filter(a -> a.lane() == lane).toList(), participants, named));
            box.add(column);
        }
        return box;
    }

    private static UnorderedList list(List<LiveState.Answer> answers, Map<ParticipantId, LiveState.Participant> participants, boolean named) {
        UnorderedList list = new UnorderedList();
        for (LiveState.Answer a : answers) {
            ListItem item = new ListItem();
            item.addClassName("arki-answer");
            Span text = new Span(a.text());
            text.addClassName("arki-answer-text");
            item.add(text);
            if (named) {
                Optional.ofNullable(participants.get(a.author())).map(LiveState.Participant::name).ifPresent(name -> {
                    Span author = new Span(name);
                    author.addClassName("arki-author");
                    item.add(author);
                });
            }
            list.add(item);
        }
        return list;
    }

    /** The viewer's locale for numbers ("8,6" in Finnish and Swedish, not the server's default "8.6"). */
    private static java.util.Locale locale(Component i18n) {
        return i18n.getUI().map(com.vaadin.flow.component.UI::getLocale)
                .orElseGet(() -> fi.arki.ui.i18n.LanguageSupport.current().locale());
    }

    /** The result of a rating, or why it is not shown (too few answered, or not revealed yet). */
    static Component rating(Component i18n, LiveState state, LiveState.Step step, RatingScale scale, boolean revealed) {
        Div box = new Div();
        box.setId("rating-result");
        box.addClassName("arki-rating-result");
        int respondents = state.ratings(step.index()).size();
        box.add(new Paragraph(i18n.getTranslation("session.rating.respondents", respondents)));
        if (!revealed) {
            return box;
        }
        Optional<LiveState.RatingResult> result = state.result(step.index(), scale);
        if (result.isEmpty()) {
            Paragraph withheld = new Paragraph(i18n.getTranslation("session.rating.withheld", state.anonymityThreshold()));
            withheld.setId("rating-withheld");
            box.add(withheld);
            return box;
        }
        LiveState.RatingResult r = result.get();
        Paragraph average = new Paragraph(i18n.getTranslation("session.rating.average", String.format(locale(i18n), "%.1f", r.average())));
        average.setId("rating-average");
        box.add(average);
        if (r.netScore() != null) {
            box.add(new Paragraph(i18n.getTranslation("session.rating.net", r.netScore())));
        }
        box.add(Charts.distribution(scale, r.distribution(), i18n.getTranslation("session.rating.chart")));
        return box;
    }

    static Component journey(Component i18n, LiveState state, LiveState.Step step, Activity.JourneyMap map,
                             java.util.function.Function<LiveState.Touchpoint, Component> extra) {
        Div box = new Div();
        box.setId("journey-map");
        box.addClassName("arki-journey");
        for (Activity.JourneyStage stage : map.stages()) {
            Div column = new Div();
            column.addClassName("arki-stage");
            column.add(new H3(i18n.getTranslation("session.stage." + stage.code())));
            UnorderedList list = new UnorderedList();
            state.touchpoints(step.index()).stream().filter(t -> t.stage() == stage).forEach(t -> {
                ListItem item = new ListItem();
                item.addClassName("arki-touchpoint");
                item.add(new Span(t.label()));
                Span details = new Span(i18n.getTranslation("session.touchpoint.details",
                        i18n.getTranslation("session.owner." + t.owner().code()),
                        i18n.getTranslation("session.emotion." + t.emotion()), t.effort()));
                details.addClassName("arki-touchpoint-details");
                item.add(details);
                if (t.peak()) item.add(badge(i18n.getTranslation("session.touchpoint.peak")));
                if (t.end()) item.add(badge(i18n.getTranslation("session.touchpoint.end")));
                if (t.improve()) item.add(badge(i18n.getTranslation("session.touchpoint.improve")));
                item.add(extra.apply(t));
                list.add(item);
            });
            column.add(list);
            box.add(column);
        }
        return box;
    }

    static Span badge(String text) {
        Span badge = new Span(text);
        badge.addClassName("arki-badge");
        return badge;
    }

    static Component targets(Component i18n, List<DevelopmentTarget> targets, Map<fi.arki.directory.PersonId, String> people,
                             SessionTexts texts, String id) {
        Div box = new Div();
        box.setId(id);
        if (targets.isEmpty()) {
            box.add(new Paragraph(i18n.getTranslation("session.targets.none")));
            return box;
        }
        UnorderedList list = new UnorderedList();
        for (DevelopmentTarget t : targets) {
            ListItem item = new ListItem();
            item.addClassName("arki-target");
            Span title = new Span(t.title());
            title.addClassName("arki-target-title");
            String owner = t.ownerPerson() != null ? people.getOrDefault(t.ownerPerson(), "") : t.ownerName();
            Span details = new Span(i18n.getTranslation("session.target.details", owner == null ? "" : owner, DATE.format(t.due()),
                    t.dimension() == null ? "–" : texts.dimension(t.dimension())));
            details.addClassName("arki-target-details");
            item.add(title, details);
            list.add(item);
        }
        box.add(list);
        return box;
    }

    /** Items a vote is over: the groups of a group step and the ideas in no group, or the answers of a writing step. */
    record VoteItem(UUID id, String text) {
    }

    static List<VoteItem> voteItems(LiveState state, LiveState.Step source) {
        return state.optionsOver(source.index()).stream().map(o -> new VoteItem(o.id(), o.text())).toList();
    }

    static Optional<LiveState.Step> sourceOf(LiveState state, LiveState.Step step, String activityId) {
        return state.steps().stream().filter(s -> s.cardId().equals(step.cardId()) && s.activityId().equals(activityId)).findFirst();
    }

}
