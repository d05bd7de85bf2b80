package fi.arki.ui.i18n;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import fi.arki.shared.Language;

/** The language menu: each language named in itself, so anyone can find their own. */
public class LanguageSelect extends Select<Language> {

    public LanguageSelect() {
        setId("language");
        setItems(Language.values());
        setItemLabelGenerator(l -> switch (l) {
            case FI -> "Suomi";
            case SV -> "Svenska";
            case EN -> "English";
        });
        setValue(LanguageSupport.current());
        setAriaLabel(getTranslation("language.choose"));
        addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                LanguageSupport.choose(e.getValue());
                UI.getCurrent().getPage().reload();
            }
        });
    }
}
