package fi.arki.ui.session;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import fi.arki.deck.Activity;
import fi.arki.session.LiveState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Grouping: a board with a column for the ungrouped answers and one per group, every answer's
 * whole text on a card. A card moves by its group menu (keyboard), or by dragging it onto a column
 * (mouse, touch). The menu's id ({@code group-of-N}, N the answer's place in writing order) stays
 * the same wherever the card is.
 *
 * <p>Grouping suggestions (issue 11 item 3) are above the board, in {@link #suggestions}
 * ({@link GroupSuggestionsBox}).
 */
final class ConsoleGroupPanel extends ConsolePanel {

    private static final UUID NO_GROUP = new UUID(0, 0);

    /** Where suggested groups are shown. */
    final Div suggestions = new Div();

    ConsoleGroupPanel(ConsoleActions console) {
        super(console);
        suggestions.setId("group-suggestions");
        suggestions.add(new GroupSuggestionsBox(console, () -> step().index(), () -> state));
        add(creator(), suggestions, content());
    }

    private Component creator() {
        TextField label = new TextField(getTranslation("session.group.new"));
        label.setId("group-label");
        label.setMaxLength(200);
        Button create = new Button(getTranslation("session.group.create"), e -> {
            String value = label.getValue();
            console.focusAfterRebuild("group-label");
            if (console.attempt(() -> console.facilitation.saveGroup(console.info.id(), step().index(), UUID.randomUUID(), value))) {
                label.clear();
                label.setInvalid(false);
            }
        });
        create.setId("group-create");
        Div row = new Div(label, create);
        row.addClassName("arki-controls");
        return row;
    }

    private LiveState.Step source() {
        Activity.Group group = (Activity.Group) console.texts.activity(step());
        return StepParts.sourceOf(state, step(), group.of()).orElse(null);
    }

    @Override
    Object signature() {
        LiveState.Step source = source();
        return List.of(state.groups(step().index()), state.grouping(step().index()), source == null ? List.of() : state.answers(source.index()));
    }

    @Override
    Component build() {
        Div box = new Div();
        box.setId("grouping");
        LiveState.Step source = source();
        if (source == null) {
            return box;
        }
        List<LiveState.Group> groups = state.groups(step().index());
        Map<UUID, UUID> grouping = state.grouping(step().index());
        Div names = new Div();
        names.setId("group-names");
        groups.forEach(g -> names.add(StepParts.badge(g.label() + " (" + grouping.values().stream().filter(g.id()::equals).count() + ")")));
        box.add(names);

        Map<UUID, UnorderedList> columns = new java.util.LinkedHashMap<>();
        Div board = new Div();
        board.addClassName("arki-group-board");
        board.add(column(NO_GROUP, getTranslation("session.group.none"), columns));
        groups.forEach(g -> board.add(column(g.id(), g.label(), columns)));
        List<UUID> options = new ArrayList<>();
        options.add(NO_GROUP);
        groups.forEach(g -> options.add(g.id()));
        int i = 0;
        for (LiveState.Answer answer : state.answers(source.index())) {
            UUID in = grouping.getOrDefault(answer.id(), NO_GROUP);
            columns.getOrDefault(in, columns.get(NO_GROUP)).add(card(answer, "group-of-" + i++, in, options, groups));
        }
        box.add(board);
        return box;
    }

    private Div column(UUID group, String title, Map<UUID, UnorderedList> columns) {
        H4 heading = new H4(title);
        UnorderedList list = new UnorderedList();
        columns.put(group, list);
        Div column = new Div(heading, list);
        column.addClassName("arki-group-column");
        DropTarget<Div> target = DropTarget.create(column);
        target.addDropListener(e -> e.getDragData().ifPresent(data -> {
            if (data instanceof UUID answer) {
                move(answer, group, null);
            }
        }));
        return column;
    }

    private ListItem card(LiveState.Answer answer, String id, UUID in, List<UUID> options, List<LiveState.Group> groups) {
        Paragraph text = new Paragraph(answer.text());
        text.addClassName("arki-group-answer");
        Select<UUID> choice = new Select<>();
        choice.setLabel(getTranslation("console.group.move"));
        choice.setAriaLabel(getTranslation("session.group.for", answer.text()));
        choice.setItems(options);
        choice.setItemLabelGenerator(g -> g.equals(NO_GROUP) ? getTranslation("session.group.none")
                : groups.stream().filter(x -> x.id().equals(g)).findFirst().map(LiveState.Group::label).orElse(""));
        choice.setValue(in);
        choice.setId(id);
        choice.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                move(answer.id(), e.getValue(), id);
            }
        });
        ListItem card = new ListItem(text, choice);
        card.addClassName("arki-group-card");
        DragSource<ListItem> drag = DragSource.create(card);
        drag.setDragData(answer.id());
        return card;
    }

    private void move(UUID answer, UUID group, String focus) {
        if (focus != null) {
            console.focusAfterRebuild(focus);
        }
        console.act(() -> console.facilitation.assign(console.info.id(), step().index(), answer, NO_GROUP.equals(group) ? null : group));
    }
}
