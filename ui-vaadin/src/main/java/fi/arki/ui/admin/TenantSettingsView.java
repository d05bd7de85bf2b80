package fi.arki.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fi.arki.admin.TenantExportManagement;
import fi.arki.session.RetentionPreview;
import fi.arki.session.SessionRetentionManagement;
import fi.arki.shared.AccessRoles;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.Language;
import fi.arki.tenancy.TenantSettings;
import fi.arki.tenancy.TenantSettingsManagement;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;

/**
 * The tenant's settings: languages (a bilingual authority serves in Finnish and Swedish), guests,
 * the anonymity threshold, how long sessions are kept, the Finnish forms of its name; and a
 * download of all the tenant's data.
 */
@Route("admin/settings")
@Menu(title = "nav.admin.settings", order = 520)
@RolesAllowed(AccessRoles.TENANT_ADMIN)
public class TenantSettingsView extends Main implements HasDynamicTitle {

    public TenantSettingsView(TenantSettingsManagement management, TenantExportManagement exports,
                              SessionRetentionManagement retentionPreview) {
        addClassName("arki-page");
        add(new H1(getTranslation("settings.title")));
        TenantSettings settings = management.current();

        CheckboxGroup<Language> languages = new CheckboxGroup<>(getTranslation("settings.languages"));
        languages.setId("settings-languages");
        languages.setItems(Language.values());
        languages.setItemLabelGenerator(l -> getTranslation("settings.language." + l.tag()));
        languages.setValue(new java.util.LinkedHashSet<>(settings.languages()));
        languages.setHelperText(getTranslation("settings.languages-help"));
        Paragraph bilingual = new Paragraph();
        bilingual.setId("settings-bilingual");
        bilingual.getElement().setAttribute("aria-live", "polite");

        Select<Language> defaultLanguage = new Select<>();
        defaultLanguage.setLabel(getTranslation("settings.default-language"));
        defaultLanguage.setId("settings-default-language");
        defaultLanguage.setItems(Language.values());
        defaultLanguage.setItemLabelGenerator(l -> getTranslation("settings.language." + l.tag()));
        defaultLanguage.setValue(settings.defaultLanguage());

        Checkbox guests = new Checkbox(getTranslation("settings.guests"), settings.guestsAllowed());
        guests.setId("settings-guests");
        IntegerField threshold = new IntegerField(getTranslation("settings.anonymity-threshold"));
        threshold.setId("settings-threshold");
        threshold.setValue(settings.anonymityThreshold());
        threshold.setHelperText(getTranslation("settings.anonymity-threshold-help", TenantSettings.DEFAULT_ANONYMITY_THRESHOLD));
        threshold.setStepButtonsVisible(true);
        IntegerField retention = new IntegerField(getTranslation("settings.retention"));
        retention.setId("settings-retention");
        retention.setValue(settings.sessionRetentionDays());
        retention.setHelperText(getTranslation("settings.retention-help"));
        // what the period means today, so that what the administrator sets is what they know will happen
        Paragraph purges = new Paragraph();
        purges.setId("settings-retention-preview");
        purges.getElement().setAttribute("aria-live", "polite");
        Runnable showPurges = () -> {
            Integer days = retention.getValue();
            if (days == null || days < 1) {
                purges.setText("");
                return;
            }
            RetentionPreview preview = retentionPreview.preview(days);
            purges.setText(getTranslation("lifecycle.retention.preview", preview.retentionDays(), preview.sessions(),
                    DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale())
                            .format(preview.closedBefore().atZone(ZoneId.of("Europe/Helsinki")))));
        };
        retention.addValueChangeListener(e -> showPurges.run());
        showPurges.run();
        TextField inessive = new TextField(getTranslation("settings.name-inessive"), orEmpty(settings.nameFinnishInessive()), "");
        inessive.setId("settings-inessive");
        inessive.setHelperText(getTranslation("settings.name-inessive-help"));
        TextField elative = new TextField(getTranslation("settings.name-elative"), orEmpty(settings.nameFinnishElative()), "");
        elative.setId("settings-elative");
        elative.setHelperText(getTranslation("settings.name-elative-help"));

        Runnable showBilingual = () -> bilingual.setText(languages.getValue().containsAll(List.of(Language.FI, Language.SV))
                ? getTranslation("settings.bilingual-yes") : getTranslation("settings.bilingual-no"));
        languages.addValueChangeListener(e -> showBilingual.run());
        showBilingual.run();

        Button save = new Button(getTranslation("admin.save"), e -> {
            if (threshold.getValue() == null || retention.getValue() == null) {
                IntegerField empty = threshold.getValue() == null ? threshold : retention;
                empty.setErrorMessage(getTranslation("settings.number-needed"));
                empty.setInvalid(true);
                return;
            }
            List<Language> chosen = Arrays.stream(Language.values()).filter(languages.getValue()::contains).toList();
            Feedback.get(this, "settings.saved", null, () -> {
                try {
                    return management.update(new TenantSettings(chosen, defaultLanguage.getValue() == null ? Language.FI : defaultLanguage.getValue(),
                            guests.getValue(), threshold.getValue(), retention.getValue(), inessive.getValue(), elative.getValue()));
                } catch (InvalidInputException problem) {
                    mark(problem, languages, defaultLanguage, threshold, retention, inessive);
                    throw problem;
                }
            });
        });
        save.setId("settings-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        FormLayout form = new FormLayout(languages, defaultLanguage, guests, threshold, retention, purges, inessive, elative);
        form.setMaxWidth("48em");
        add(form, bilingual, save, rollupSection(management), dataSection(exports));
    }

    /** Whether the organisation lets its aggregated figures be shown across organisations (off until chosen). */
    private Section rollupSection(TenantSettingsManagement management) {
        Section section = new Section();
        H2 heading = new H2(getTranslation("settings.rollup"));
        heading.setId("rollup-section");
        section.getElement().setAttribute("aria-labelledby", "rollup-section");
        Checkbox share = new Checkbox(getTranslation("settings.rollup.share"), management.sharesInRollup());
        share.setId("settings-rollup");
        share.addValueChangeListener(e -> {
            if (e.isFromClient() && !Feedback.run(this, "settings.rollup.saved", null, () -> management.shareInRollup(e.getValue()))) {
                share.setValue(e.getOldValue());
            }
        });
        section.add(heading, new Paragraph(getTranslation("settings.rollup.help")), share);
        return section;
    }

    /** The tenant's own data, whole, for its administrators (GDPR art. 15 and 20; docs/data-lifecycle.md). */
    private Section dataSection(TenantExportManagement exports) {
        Section section = new Section();
        H2 heading = new H2(getTranslation("lifecycle.section"));
        heading.setId("lifecycle-section");
        section.getElement().setAttribute("aria-labelledby", "lifecycle-section");
        section.add(heading, new Paragraph(getTranslation("lifecycle.export.own-help")),
                ExportDownload.anchor("export-own-tenant", getTranslation("lifecycle.export.download"), "export",
                        exports::exportOwnTenant));
        return section;
    }

    /** Shows a refused setting's reason on the field it concerns. */
    private void mark(InvalidInputException problem, CheckboxGroup<Language> languages, Select<Language> defaultLanguage,
                      IntegerField threshold, IntegerField retention, TextField names) {
        String message = getTranslation(problem.messageKey(), problem.arguments().toArray());
        com.vaadin.flow.component.HasValidation field = switch (problem.messageKey()) {
            case "error.settings.no-language" -> languages;
            case "error.settings.default-language-not-served" -> defaultLanguage;
            case "error.settings.anonymity-threshold" -> threshold;
            case "error.settings.retention" -> retention;
            default -> names;
        };
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("settings.title") + " – " + getTranslation("app.name");
    }
}
