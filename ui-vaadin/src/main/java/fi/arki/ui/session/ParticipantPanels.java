package fi.arki.ui.session;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import fi.arki.deck.Activity;
import fi.arki.deck.RatingScale;
import fi.arki.session.LiveState;
import fi.arki.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The participant's panels for the kinds of step other than writing (see {@link WritingPanel}). */
final class ParticipantPanels {

    private ParticipantPanels() {
    }

    /** Theory with its source, a video link and the deck's picture. */
    static final class Intro extends StepPanel {

        private final SessionTexts texts;
        private final IntroParts parts;

        Intro(SessionTexts texts, IntroParts parts) {
            this.texts = texts;
            this.parts = parts;
            add(parts);
        }

        @Override
        void show(LiveState.Step step) {
            super.show(step);
            parts.show(texts, step);
        }

        @Override
        void update(LiveState state) {
            // nothing in an intro changes while it is on
        }
    }

    /** The groups the facilitator makes, with the answers in each. */
    static final class Groups extends StepPanel {

        private final SessionTexts texts;
        private final StepPanel.Rebuilt content;
        private LiveState state;

        Groups(SessionTexts texts) {
            this.texts = texts;
            content = new StepPanel.Rebuilt(this::signature, this::build);
            add(content);
        }

        private Activity.Group group() {
            return (Activity.Group) texts.activity(step());
        }

        private Object signature() {
            int source = StepParts.sourceOf(state, step(), group().of()).map(LiveState.Step::index).orElse(-1);
            return List.of(step().index(), state.groups(step().index()), state.grouping(step().index()), state.answers(source));
        }

        @Override
        void update(LiveState state) {
            this.state = state;
            content.refresh();
        }

        private Component build() {
            Div box = new Div();
            box.setId("groups");
            LiveState.Step source = StepParts.sourceOf(state, step(), group().of()).orElse(null);
            if (source == null) {
                return box;
            }
            Map<UUID, UUID> grouping = state.grouping(step().index());
            for (LiveState.Group g : state.groups(step().index())) {
                box.add(new H3(g.label()));
                UnorderedList list = new UnorderedList();
                state.answers(source.index()).stream().filter(a -> g.id().equals(grouping.get(a.id())))
                        .forEach(a -> list.add(new ListItem(a.text())));
                box.add(list);
            }
            if (state.groups(step().index()).isEmpty()) {
                box.add(new Paragraph(getTranslation("session.group.waiting")));
            }
            return box;
        }
    }

    /** Dots to give within the budget; the totals once revealed. */
    static final class Vote extends StepPanel {

        private final ParticipantScreen screen;
        private final StepPanel.Rebuilt content;
        private LiveState state;

        Vote(ParticipantScreen screen) {
            this.screen = screen;
            content = new StepPanel.Rebuilt(this::signature, this::build);
            add(content);
        }

        private Activity.Vote vote() {
            return (Activity.Vote) screen.texts().activity(step());
        }

        private Object signature() {
            LiveState.Step now = now(state);
            LiveState.Step source = StepParts.sourceOf(state, step(), vote().of()).orElse(null);
            List<Object> sig = new ArrayList<>(List.of(now.index(), now.revealed(), now.locked(), state.budget(now.index()),
                    source == null ? List.of() : StepParts.voteItems(state, source)));
            state.votes(now.index()).stream().filter(v -> v.participant().equals(screen.me())).forEach(sig::add);
            if (now.revealed()) {
                sig.add(state.totals(now.index()));
            }
            return sig;
        }

        @Override
        void update(LiveState state) {
            this.state = state;
            content.refresh();
        }

        private Component build() {
            LiveState.Step now = now(state);
            Div box = new Div();
            box.setId("vote");
            LiveState.Step source = StepParts.sourceOf(state, step(), vote().of()).orElse(null);
            if (source == null) {
                return box;
            }
            int budget = state.budget(now.index());
            int used = state.dotsUsed(now.index(), screen.me());
            Paragraph left = new Paragraph(getTranslation("session.vote.left", budget - used, budget));
            left.setId("dots-left");
            box.add(left);
            Map<UUID, Integer> totals = state.totals(now.index());
            UnorderedList list = new UnorderedList();
            list.addClassName("arki-vote-list");
            for (StepParts.VoteItem item : StepParts.voteItems(state, source)) {
                int mine = state.dotsGiven(now.index(), screen.me(), item.id());
                ListItem li = new ListItem();
                li.addClassName("arki-vote-item");
                Span text = new Span(item.text());
                text.addClassName("arki-answer-text");
                Span dots = new Span(getTranslation("session.vote.mine", mine));
                dots.addClassName("arki-dots");
                Button minus = new Button("−", e -> setDots(now.index(), item.id(), mine - 1));
                minus.setAriaLabel(getTranslation("session.vote.remove", item.text()));
                minus.setEnabled(mine > 0 && !now.locked());
                Button plus = new Button("+", e -> setDots(now.index(), item.id(), mine + 1));
                plus.setAriaLabel(getTranslation("session.vote.add", item.text()));
                plus.setEnabled(used < budget && !now.locked());
                plus.addClassName("arki-vote-plus");
                li.add(text, minus, dots, plus);
                if (now.revealed()) {
                    li.add(StepParts.badge(getTranslation("session.vote.total", totals.getOrDefault(item.id(), 0))));
                }
                list.add(li);
            }
            box.add(list);
            return box;
        }

        private void setDots(int step, UUID item, int dots) {
            Feedback.attempt(this, () -> TenantContext.runAs(screen.tenant(), () ->
                    screen.participants().setDots(screen.session(), screen.me(), step, item, Math.max(0, dots))));
        }
    }

    /** A rating or a pulse: the scale's buttons, the participant's own choice, the result once revealed. */
    static final class Rate extends StepPanel {

        private final ParticipantScreen screen;
        private final StepPanel.Rebuilt content;
        private LiveState state;

        Rate(ParticipantScreen screen) {
            this.screen = screen;
            content = new StepPanel.Rebuilt(this::signature, this::build);
            add(content);
        }

        private RatingScale scale() {
            return switch (screen.texts().activity(step())) {
                case Activity.Rate r -> r.scale();
                case Activity.Pulse p -> p.scale();
                default -> throw new IllegalStateException("Not a rating step: " + step());
            };
        }

        private Object signature() {
            LiveState.Step now = now(state);
            return List.of(now.index(), now.revealed(), now.locked(),
                    state.rating(now.index(), screen.me()).map(LiveState.Rating::value).orElse(-1),
                    now.revealed() ? state.ratings(now.index()).size() : 0);
        }

        @Override
        void update(LiveState state) {
            this.state = state;
            content.refresh();
        }

        private Component build() {
            LiveState.Step now = now(state);
            RatingScale scale = scale();
            Div box = new Div();
            box.setId("rate");
            int chosen = state.rating(now.index(), screen.me()).map(LiveState.Rating::value).orElse(-1);
            Div buttons = new Div();
            buttons.addClassName("arki-scale");
            buttons.getElement().setAttribute("role", "group");
            buttons.getElement().setAttribute("aria-label", getTranslation("session.rate.label"));
            for (int value = scale.min(); value <= scale.max(); value++) {
                int v = value;
                String label = scale == RatingScale.SMILEYS ? getTranslation("session.emotion." + v) : String.valueOf(v);
                Button b = new Button(label, e -> Feedback.attempt(this, () -> TenantContext.runAs(screen.tenant(), () ->
                        screen.participants().rate(screen.session(), screen.me(), now.index(), v))));
                b.setId("rate-" + v);
                b.getElement().setAttribute("aria-pressed", String.valueOf(v == chosen));
                if (v == chosen) {
                    b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                }
                b.setEnabled(!now.locked());
                buttons.add(b);
            }
            box.add(buttons, new Paragraph(getTranslation("session.rate.scale." + scale.code())));
            if (chosen >= 0) {
                Span saved = new Span(getTranslation("session.rate.saved", chosen));
                saved.setId("rating-saved");
                saved.addClassName("arki-status-saved");
                box.add(saved);
            }
            if (now.revealed()) {
                box.add(StepParts.rating(this, state, now, scale, true));
            }
            return box;
        }
    }

    /** The service path: a form for a touchpoint and the map so far. */
    static final class Journey extends StepPanel {

        private final ParticipantScreen screen;
        private final StepPanel.Rebuilt content;
        private final Div form = new Div();
        private final Select<Activity.JourneyStage> stage = new Select<>();
        private final Select<Activity.TouchpointOwner> owner = new Select<>();
        private final TextField label = new TextField();
        private final Paragraph full = new Paragraph();
        private UUID next = UUID.randomUUID();
        private LiveState state;
        private Button add;

        Journey(ParticipantScreen screen) {
            this.screen = screen;
            stage.setLabel(getTranslation("session.journey.stage"));
            stage.setItemLabelGenerator(s -> getTranslation("session.stage." + s.code()));
            stage.setId("touchpoint-stage");
            owner.setLabel(getTranslation("session.journey.owner"));
            owner.setItemLabelGenerator(o -> getTranslation("session.owner." + o.code()));
            owner.setId("touchpoint-owner");
            label.setLabel(getTranslation("session.journey.touchpoint"));
            label.setId("touchpoint-label");
            label.setMaxLength(300);
            Select<Integer> emotion = new Select<>();
            emotion.setLabel(getTranslation("session.journey.emotion"));
            emotion.setItems(1, 2, 3, 4, 5);
            emotion.setItemLabelGenerator(i -> getTranslation("session.emotion." + i));
            emotion.setValue(3);
            emotion.setId("touchpoint-emotion");
            Select<Integer> effort = new Select<>();
            effort.setLabel(getTranslation("session.journey.effort"));
            effort.setItems(1, 2, 3, 4, 5, 6, 7);
            effort.setItemLabelGenerator(i -> getTranslation("session.effort." + i));
            effort.setValue(4);
            effort.setId("touchpoint-effort");
            Button add = new Button(getTranslation("session.journey.add"), e -> {
                boolean ok = Feedback.attempt(this, () -> TenantContext.runAs(screen.tenant(), () -> screen.participants()
                        .addTouchpoint(screen.session(), screen.me(), step().index(), next, stage.getValue(), owner.getValue(),
                                label.getValue(), emotion.getValue(), effort.getValue())));
                if (ok) {
                    next = UUID.randomUUID();
                    label.clear();
                }
            });
            this.add = add;
            stage.addValueChangeListener(e -> showRoom());
            add.setId("touchpoint-add");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            full.setId("touchpoints-full");
            full.getElement().setAttribute("role", "status");
            full.setVisible(false);
            form.add(stage, owner, label, emotion, effort, add, full);
            form.addClassName("arki-journey-form");
            content = new StepPanel.Rebuilt(this::signature, () -> StepParts.journey(this, state, step(), map(), t -> new Span()));
            add(form, content);
        }

        private Activity.JourneyMap map() {
            return (Activity.JourneyMap) screen.texts().activity(step());
        }

        @Override
        void show(LiveState.Step step) {
            super.show(step);
            Activity.JourneyMap map = map();
            stage.setItems(map.stages());
            stage.setValue(map.stages().getFirst());
            owner.setItems(map.owners());
            owner.setValue(map.owners().getFirst());
        }

        private Object signature() {
            return List.of(step().index(), state.touchpoints(step().index()));
        }

        @Override
        void update(LiveState state) {
            this.state = state;
            LiveState.Step now = now(state);
            Ui.visible(form, !now.locked());
            showRoom();
            content.refresh();
        }

        /** A stage with all the touchpoints the deck's setting allows takes no more: said before anyone tries. */
        private void showRoom() {
            if (state == null || step() == null || stage.getValue() == null) {
                return;
            }
            boolean isFull = state.stageFull(step().index(), stage.getValue());
            Ui.text(full, isFull ? getTranslation("session.journey.full", state.touchpointsPerStage()) : "");
            Ui.visible(full, isFull);
            if (add.isEnabled() == isFull) {
                add.setEnabled(!isFull);
            }
        }
    }

    /** The development targets the team has committed to in this session. */
    static final class Committed extends StepPanel {

        private final StepPanel.Rebuilt content;
        private LiveState state;

        Committed(SessionTexts texts) {
            content = new StepPanel.Rebuilt(() -> List.of(state.committedTargets()),
                    () -> StepParts.targets(this, state.committedTargets(), Map.of(), texts, "committed-targets"));
            add(content);
        }

        @Override
        void update(LiveState state) {
            this.state = state;
            content.refresh();
        }
    }

    /** The team's earlier targets and how the facilitator has marked them in this session. */
    static final class Review extends StepPanel {

        private final StepPanel.Rebuilt content;
        private LiveState state;

        Review() {
            content = new StepPanel.Rebuilt(() -> List.of(state.earlierTargets(), state.reviews()), this::build);
            add(content);
        }

        @Override
        void update(LiveState state) {
            this.state = state;
            content.refresh();
        }

        private Component build() {
            Div box = new Div();
            box.setId("review");
            if (state.earlierTargets().isEmpty()) {
                box.add(new Paragraph(getTranslation("session.review.none")));
                return box;
            }
            UnorderedList list = new UnorderedList();
            for (var target : state.earlierTargets()) {
                ListItem item = new ListItem(target.title());
                state.review(target.id()).ifPresent(r -> item.add(StepParts.badge(getTranslation("session.review.outcome." + r.outcome().code()))));
                list.add(item);
            }
            box.add(list);
            return box;
        }
    }
}
