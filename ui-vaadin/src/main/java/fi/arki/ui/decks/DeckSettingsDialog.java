package fi.arki.ui.decks;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import fi.arki.deck.DeckManagement;
import fi.arki.deck.DeckSettings;
import fi.arki.deck.InstalledDeck;
import fi.arki.deck.Setting;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.Language;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A deck's settings as a form rendered from its typed settings: a number field with its limits, a
 * checkbox, a text field or a choice, each labelled and explained in the deck's own words.
 */
class DeckSettingsDialog extends Dialog {

    private final Map<String, Supplier<String>> values = new LinkedHashMap<>();
    private final Div problems = new Div();

    DeckSettingsDialog(DeckManagement decks, String deckId, InstalledDeck deck, Language language) {
        setId("settings-dialog");
        setHeaderTitle(getTranslation("decks.settings.title", DeckTexts.title(deck, language)));
        DeckSettings current = decks.settings(deckId);
        Div form = new Div();
        form.addClassName("arki-settings");
        for (Setting s : current.definitions()) {
            String label = deck.texts().text(language, "setting." + s.key());
            String help = deck.texts().find(language, "setting." + s.key() + ".help").orElse(null);
            String value = current.values().get(s.key());
            Component field = switch (s.type()) {
                case INTEGER -> {
                    IntegerField f = new IntegerField(label);
                    if (s.min() != null) f.setMin(s.min());
                    if (s.max() != null) f.setMax(s.max());
                    f.setStepButtonsVisible(true);
                    f.setValue(Integer.valueOf(value));
                    values.put(s.key(), () -> f.getValue() == null ? "" : String.valueOf(f.getValue()));
                    yield helper(f, help);
                }
                case BOOLEAN -> {
                    Checkbox f = new Checkbox(label, Boolean.parseBoolean(value));
                    values.put(s.key(), () -> String.valueOf(f.getValue()));
                    if (help != null) f.setHelperText(help);
                    yield f;
                }
                case TEXT -> {
                    TextField f = new TextField(label);
                    f.setValue(value);
                    f.setMaxLength(500);
                    values.put(s.key(), f::getValue);
                    yield helper(f, help);
                }
                case CHOICE -> {
                    Select<String> f = new Select<>();
                    f.setLabel(label);
                    f.setItems(s.choices());
                    f.setItemLabelGenerator(c -> deck.texts().text(language, "setting." + s.key() + ".choice." + c));
                    f.setValue(value);
                    values.put(s.key(), () -> f.getValue() == null ? "" : f.getValue());
                    yield helper(f, help);
                }
            };
            field.setId("setting-" + s.key());
            form.add(field);
        }
        problems.setId("settings-problems");
        problems.getElement().setAttribute("role", "alert");
        add(form, problems);

        Button save = new Button(getTranslation("decks.settings.save"), e -> {
            Map<String, String> entered = new LinkedHashMap<>();
            values.forEach((key, value) -> entered.put(key, value.get()));
            try {
                decks.saveSettings(deckId, entered);
                close();
            } catch (InvalidInputException ex) {
                problems.removeAll();
                problems.add(DeckTexts.problems(this, ex));
            }
        });
        save.setId("settings-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("decks.settings.cancel"), e -> close());
        cancel.setId("settings-cancel");
        getFooter().add(cancel, save);
    }

    private static Component helper(Component field, String help) {
        if (help != null && field instanceof HasValue<?, ?> && field instanceof com.vaadin.flow.component.HasHelper h) {
            h.setHelperText(help);
        }
        return field;
    }
}
