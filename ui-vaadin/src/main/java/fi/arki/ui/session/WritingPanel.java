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
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import fi.arki.deck.ActivityKind;
import fi.arki.session.Lane;
import fi.arki.session.LiveState;
import fi.arki.session.ParticipantManagement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A participant's writing steps (prompt, start-continue-stop): one form for all of them. What is
 * typed belongs to its step: the server keeps what reached it, the browser keeps every keystroke
 * (BrowserScripts), and each step's text has its answer id before it is ever sent — so that
 * saving it again after a crash or a reload stores it exactly once.
 */
final class WritingPanel extends StepPanel {

    private final ParticipantScreen screen;
    private final TextArea text = new TextArea();
    private final RadioButtonGroup<Lane> lane = new RadioButtonGroup<>();
    private final Span restored = new Span();
    private final Div form;
    private final UnorderedList mine = new UnorderedList();
    private final Paragraph locked = new Paragraph();
    private final Paragraph hidden = new Paragraph();
    private final H3 allHeading = new H3();
    private final Div all = new Div();
    /** Per step: the id the next answer written there will have, what reached the server of its text, its lane. */
    private final Map<Integer, UUID> ids = new HashMap<>();
    private final Map<Integer, String> typed = new HashMap<>();
    private final Map<Integer, Lane> lanes = new HashMap<>();
    /** Steps whose text came back from this browser after a reload and is not saved yet. */
    private final Set<Integer> restoredSteps = new HashSet<>();
    private Object mineShown;
    private Object allShown;

    WritingPanel(ParticipantScreen screen) {
        this.screen = screen;
        text.setLabel(getTranslation("session.answer.label"));
        text.setId("answer-text");
        text.setMaxLength(ParticipantManagement.MAX_ANSWER);
        text.setWidthFull();
        text.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                typed.put(step().index(), e.getValue());
                if (e.getValue().isBlank()) {
                    restoredSteps.remove(step().index());
                    Ui.visible(restored, false);
                }
            }
        });
        lane.setLabel(getTranslation("session.answer.lane"));
        lane.setId("answer-lane");
        lane.setItems(Lane.values());
        lane.setItemLabelGenerator(l -> getTranslation("session.lane." + l.code()));
        lane.setValue(Lane.START);
        lane.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                lanes.put(step().index(), e.getValue());
                markField();
            }
        });
        restored.setId("draft-restored");
        restored.addClassName("arki-status-unsaved");
        restored.setText(getTranslation("session.draft.restored"));
        restored.setVisible(false);
        Button add = new Button(getTranslation("session.answer.add"), e -> submit());
        add.setId("answer-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        form = new Div(text, restored, lane, add);
        form.addClassName("arki-answer-form");

        Span mineLabel = new Span(getTranslation("session.answer.mine"));
        mineLabel.addClassName("arki-label");
        mine.setId("my-answers");
        locked.setText(getTranslation("session.step.locked"));
        hidden.setText(getTranslation("session.answers.private"));
        allHeading.setText(getTranslation("session.answers.all"));
        add(form, new Div(mineLabel, mine, locked, hidden, allHeading, all));
    }

    private boolean lanesOn() {
        return step().kind() == ActivityKind.START_CONTINUE_STOP;
    }

    @Override
    void show(LiveState.Step step) {
        super.show(step);
        int index = step.index();
        Ui.visible(lane, lanesOn());
        Lane chosen = lanes.getOrDefault(index, Lane.START);
        if (lane.getValue() != chosen) {
            lane.setValue(chosen);
        }
        String value = typed.getOrDefault(index, "");
        if (!Objects.equals(text.getValue(), value)) {
            text.setValue(value);
        }
        if (text.isInvalid()) {
            text.setInvalid(false);
        }
        markField();
        Ui.visible(restored, restoredSteps.contains(index));
    }

    /** Tells the browser which step's draft the field holds now, under which answer id. */
    private void markField() {
        int index = step().index();
        BrowserScripts.draftField(text.getElement(), screen.scope(), index, ids.computeIfAbsent(index, i -> UUID.randomUUID()),
                lanesOn() ? lanes.getOrDefault(index, Lane.START).code() : null);
    }

    private void submit() {
        String value = text.getValue();
        if (value == null || value.isBlank()) {
            text.setInvalid(true);
            text.setErrorMessage(getTranslation("session.error.text-empty"));
            return;
        }
        text.setInvalid(false);
        int index = step().index();
        UUID id = ids.computeIfAbsent(index, i -> UUID.randomUUID());
        ParticipantScreen.Draft draft = new ParticipantScreen.Draft(id, index, lanesOn() ? lane.getValue() : null, value);
        // the next answer on this step is a new one: its own id, an empty field
        ids.put(index, UUID.randomUUID());
        typed.remove(index);
        restoredSteps.remove(index);
        Ui.visible(restored, false);
        text.clear();
        markField();
        screen.submit(draft);
        text.focus();
    }

    /**
     * What this browser kept of a step from before a reload or a crash: back in the field (marked
     * not saved) when that step is on, under the id it had, so saving it cannot store it twice.
     */
    void adopt(int step, UUID id, String text, Lane laneOfText) {
        ids.put(step, id);
        typed.put(step, text);
        if (laneOfText != null) {
            lanes.put(step, laneOfText);
        }
        restoredSteps.add(step);
        if (step() != null && step().index() == step) {
            show(step());
        }
    }

    @Override
    void update(LiveState state) {
        LiveState.Step now = now(state);
        int index = now.index();
        Ui.visible(form, !now.locked());
        Ui.visible(locked, now.locked());
        List<Object> mineSignature = new ArrayList<>();
        mineSignature.add(index);
        mineSignature.add(now.locked());
        mineSignature.add(state.answers(index, screen.me()));
        screen.drafts().stream().filter(d -> d.step == index).forEach(d -> mineSignature.add(d.id + ":" + d.status));
        if (!mineSignature.equals(mineShown)) {
            mineShown = mineSignature;
            renderMine(state, now);
        }
        Ui.visible(hidden, !now.revealed());
        Ui.visible(allHeading, now.revealed());
        Ui.visible(all, now.revealed());
        if (now.revealed()) {
            List<Object> allSignature = List.of(index, state.answers(index));
            if (!allSignature.equals(allShown)) {
                allShown = allSignature;
                all.removeAll();
                all.add(StepParts.answers(this, state.answers(index), lanesOn(), state.participantsById(),
                        !state.session().anonymous(), "all-answers"));
            }
        }
    }

    private void renderMine(LiveState state, LiveState.Step now) {
        mine.removeAll();
        List<UUID> listed = new ArrayList<>();
        for (LiveState.Answer a : state.answers(now.index(), screen.me())) {
            listed.add(a.id());
            mine.add(ownAnswer(a.id(), a.lane(), a.text(), ParticipantScreen.Status.SAVED, null, !now.locked()));
        }
        for (ParticipantScreen.Draft d : screen.drafts()) {
            if (d.step == now.index() && !listed.contains(d.id)) {
                mine.add(ownAnswer(d.id, d.lane, d.text, d.status, d.error, false));
            }
        }
    }

    private Component ownAnswer(UUID id, Lane laneOfAnswer, String body, ParticipantScreen.Status status, String error, boolean deletable) {
        ListItem item = new ListItem();
        item.addClassName("arki-own-answer");
        item.getElement().setAttribute("data-answer", id.toString());
        if (laneOfAnswer != null) {
            item.add(StepParts.badge(getTranslation("session.lane." + laneOfAnswer.code())));
        }
        Span textOfAnswer = new Span(body);
        textOfAnswer.addClassName("arki-answer-text");
        Span mark = new Span(getTranslation("session.answer.status." + status.name().toLowerCase()));
        mark.addClassName("arki-status-" + status.name().toLowerCase());
        mark.setId("status-" + id);
        item.add(textOfAnswer, mark);
        if (error != null) {
            Span why = new Span(error);
            why.addClassName("arki-error-text");
            item.add(why);
        }
        if (deletable) {
            int index = step().index();
            Button delete = new Button(getTranslation("session.answer.delete"), e -> screen.deleteAnswer(index, id));
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            delete.setAriaLabel(getTranslation("session.answer.delete-aria", body));
            item.add(delete);
        }
        return item;
    }
}
