package fi.arki.ui.session;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import fi.arki.deck.Activity;
import fi.arki.deck.Card;
import fi.arki.directory.PersonId;
import fi.arki.followup.TargetDueDates;
import fi.arki.followup.TargetId;
import fi.arki.session.LiveState;
import fi.arki.shared.InvalidInputException;
import fi.arki.tenancy.TenantContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Committing development targets: the form, and the targets committed so far. A mistake is shown
 * on the field it concerns (all of them at once), not as a message somewhere else on the screen.
 */
final class ConsoleTargetPanel extends ConsolePanel {

    private final TextField title = new TextField();
    private final Select<PersonId> owner = new Select<>();
    private final TextField ownerName = new TextField();
    private final DatePicker due = new DatePicker();
    private final Select<String> dimension = new Select<>();
    private final Button save = new Button();
    private final Span formError = new Span();
    private final NoNewTargetBox noNewTarget;
    private TargetId next = TargetId.random();

    ConsoleTargetPanel(ConsoleActions console) {
        super(console);
        Div form = new Div();
        form.addClassName("arki-target-form");
        title.setLabel(getTranslation("session.target.title"));
        title.setId("target-title");
        title.setMaxLength(300);
        title.setWidthFull();
        owner.setLabel(getTranslation("session.target.owner"));
        owner.setId("target-owner");
        owner.setItems(new ArrayList<>(console.people.keySet()));
        // the empty selection item is null, which an immutable map (ConsoleActions.people) refuses to look up
        owner.setItemLabelGenerator(p -> p == null ? "" : console.people.getOrDefault(p, ""));
        owner.setEmptySelectionAllowed(true);
        owner.setEmptySelectionCaption(getTranslation("session.target.owner-other"));
        ownerName.setLabel(getTranslation("session.target.owner-name"));
        ownerName.setId("target-owner-name");
        due.setLabel(getTranslation("session.target.due"));
        due.setId("target-due");
        // the service's rule (a day in Finland), not the server's default zone: after 22:00 UTC they differ
        due.setMin(TargetDueDates.earliest(Clock.systemUTC()));
        fi.arki.ui.i18n.ComponentTexts.localize(due); // months, weekdays, buttons and format in the user's language
        dimension.setLabel(getTranslation("session.target.dimension"));
        dimension.setId("target-dimension");
        List<String> dimensions = console.texts.deck().manifest().cards().stream().map(Card::dimension).filter(Objects::nonNull)
                .distinct().toList();
        dimension.setItems(dimensions);
        dimension.setItemLabelGenerator(console.texts::dimension);
        save.setId("target-commit");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> commit());
        formError.setId("target-error");
        formError.addClassName("arki-field-error");
        formError.getElement().setAttribute("role", "alert");
        formError.setVisible(false);
        form.add(title, owner, ownerName, due, dimension, save, formError);
        noNewTarget = new NoNewTargetBox(console);
        add(form, noNewTarget, content());
    }

    @Override
    void show(LiveState.Step step) {
        super.show(step);
        Activity.CommitTargets commit = (Activity.CommitTargets) console.texts.activity(step);
        save.setText(getTranslation("session.target.commit", commit.max()));
        // the card's own dimension, as a suggestion the facilitator may change
        console.texts.deck().manifest().card(step.cardId()).map(Card::dimension)
                .filter(d -> dimension.getListDataView().contains(d)).ifPresent(dimension::setValue);
    }

    private void commit() {
        clearErrors();
        boolean complete = required(title, title.getValue().isBlank(), "target.error.title-empty")
                & required(ownerName, owner.getValue() == null && ownerName.getValue().isBlank(), "target.error.owner-empty")
                & required(due, due.getValue() == null, "target.error.due-empty");
        if (!complete) {
            return;
        }
        try {
            TenantContext.runAs(console.tenant, () -> console.facilitation.commitTarget(console.info.id(), step().index(), next,
                    title.getValue(), owner.getValue(), ownerName.getValue(), due.getValue(), dimension.getValue()));
            next = TargetId.random();
            title.clear();
            ownerName.clear();
        } catch (InvalidInputException e) {
            String message = Feedback.message(this, e);
            String key = e.messageKey();
            if (key.startsWith("target.error.title")) {
                mark(title, message);
            } else if (key.startsWith("target.error.owner") || key.equals("session.error.owner-not-in-team")) {
                mark(owner.getValue() == null ? ownerName : owner, message);
            } else if (key.startsWith("target.error.due")) {
                mark(due, message);
            } else {
                formError.setText(message);
                formError.setVisible(true);
            }
        } catch (RuntimeException e) {
            formError.setText(Feedback.message(this, e));
            formError.setVisible(true);
        }
    }

    private boolean required(HasValidation field, boolean missing, String key) {
        if (missing) {
            mark(field, getTranslation(key));
        }
        return !missing;
    }

    private static void mark(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private void clearErrors() {
        for (HasValidation field : List.<HasValidation>of(title, owner, ownerName, due)) {
            field.setInvalid(false);
        }
        formError.setVisible(false);
    }

    @Override
    void update(LiveState state) {
        super.update(state);
        noNewTarget.show(state, step());
    }

    @Override
    Object signature() {
        return state.committedTargets();
    }

    @Override
    Component build() {
        return StepParts.targets(this, state.committedTargets(), console.people, console.texts, "committed-targets");
    }
}
